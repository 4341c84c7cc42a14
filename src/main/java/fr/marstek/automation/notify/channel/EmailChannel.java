package fr.marstek.automation.notify.channel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * {@code
 * mailto://user:pass@domain[:port][/to]?smtp=host&from=&to=&cc=&bcc=&name=&mode=ssl|starttls} and
 * {@code mailtos://} (secure, port 587, STARTTLS unless {@code mode=ssl}), as in Apprise.
 */
final class EmailChannel implements Channel {

  // The providers Apprise knows most often used here; others need ?smtp=.
  private static final Map<String, String> PROVIDERS =
      Map.of(
          "gmail.com", "smtp.gmail.com",
          "outlook.com", "smtp-mail.outlook.com",
          "hotmail.com", "smtp-mail.outlook.com",
          "yahoo.com", "smtp.mail.yahoo.com");

  private final AppriseUrl url;
  private final JavaMailSenderImpl sender;
  private final String from;
  private final List<String> to;

  private EmailChannel(AppriseUrl url, JavaMailSenderImpl sender, String from, List<String> to) {
    this.url = url;
    this.sender = sender;
    this.from = from;
    this.to = List.copyOf(to);
  }

  static EmailChannel of(AppriseUrl url, Duration timeout) throws InvalidNotificationUrl {
    if (url.host().isEmpty()) {
      throw new InvalidNotificationUrl(
          url.scheme() + ":// needs a domain, as in mailto://user:password@example.com");
    }
    String domain = url.host().toLowerCase(Locale.ROOT);
    String provider = PROVIDERS.get(domain);
    String user = url.option("user").or(url::user).orElse(null);
    String from =
        url.option("from")
            .orElse(
                user == null
                    ? "marstek@" + domain
                    : user.contains("@") ? user : user + "@" + domain);
    List<String> to = new ArrayList<>(url.path());
    to.addAll(url.listOption("to"));
    if (to.isEmpty()) {
      to.add(from);
    }
    for (String address : to) {
      if (!address.matches("[^@\\s]+@[^@\\s]+")) {
        throw new InvalidNotificationUrl(
            url.scheme() + ":// recipient '" + address + "' is not an e-mail address");
      }
    }
    boolean secure = url.secure() || provider != null;
    String mode = url.option("mode").orElse("starttls").toLowerCase(Locale.ROOT);
    if (!mode.equals("ssl") && !mode.equals("starttls")) {
      throw new InvalidNotificationUrl(url.scheme() + ":// mode must be ssl or starttls");
    }
    var sender = new JavaMailSenderImpl();
    sender.setHost(url.option("smtp").orElse(provider != null ? provider : url.host()));
    sender.setPort(url.port().orElse(secure ? 587 : 25));
    if (user != null) {
      sender.setUsername(provider != null && !user.contains("@") ? from : user);
      sender.setPassword(url.option("pass").or(url::password).orElse(""));
    }
    Properties props = sender.getJavaMailProperties();
    props.put("mail.smtp.auth", Boolean.toString(user != null));
    props.put("mail.smtp.connectiontimeout", Long.toString(timeout.toMillis()));
    props.put("mail.smtp.timeout", Long.toString(timeout.toMillis()));
    props.put("mail.smtp.writetimeout", Long.toString(timeout.toMillis()));
    if (secure && mode.equals("ssl")) {
      props.put("mail.smtp.ssl.enable", "true");
    } else if (secure) {
      props.put("mail.smtp.starttls.enable", "true");
      props.put("mail.smtp.starttls.required", "true");
    }
    return new EmailChannel(url, sender, from, to);
  }

  @Override
  public MaskedUrl url() {
    return new MaskedUrl(url.scheme() + "://" + url.maskedAuthority() + "/" + String.join("/", to));
  }

  @Override
  public void send(Message message, NoticeLevel level) throws DeliveryFailed {
    var mail = new SimpleMailMessage();
    String name = url.option("name").orElse("Marstek Automation");
    mail.setFrom(name + " <" + from + ">");
    mail.setTo(to.toArray(String[]::new));
    if (!url.listOption("cc").isEmpty()) {
      mail.setCc(url.listOption("cc").toArray(String[]::new));
    }
    if (!url.listOption("bcc").isEmpty()) {
      mail.setBcc(url.listOption("bcc").toArray(String[]::new));
    }
    mail.setSubject(message.title());
    mail.setText(message.body());
    try {
      sender.send(mail);
    } catch (MailException e) {
      throw new DeliveryFailed(
          "SMTP "
              + sender.getHost()
              + " refused or unreachable ("
              + e.getClass().getSimpleName()
              + ")");
    }
  }
}
