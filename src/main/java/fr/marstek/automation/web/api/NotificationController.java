package fr.marstek.automation.web.api;

import fr.marstek.automation.notify.DeliveryResult;
import fr.marstek.automation.notify.Notifications;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lets the user check their {@code NOTIFICATION_URLS}; needs the API token like every POST. */
@RestController
@Tag(name = "Notifications", description = "Check the notification URLs")
@SecurityRequirement(name = "bearer")
class NotificationController {

  private final Notifications notifications;

  NotificationController(Notifications notifications) {
    this.notifications = notifications;
  }

  @PostMapping("/api/v1/notifications/test")
  @Operation(summary = "Send a test message to every notification URL and tell how each went")
  TestReport test() {
    List<Result> results =
        notifications.sendTest().stream().map(NotificationController::view).toList();
    return new TestReport(
        results.size(), results.stream().filter(Result::delivered).count(), results);
  }

  private static Result view(DeliveryResult result) {
    return new Result(result.url().text(), result.delivered(), result.detail());
  }

  record TestReport(int urls, long delivered, List<Result> results) {}

  record Result(String url, boolean delivered, String detail) {}
}
