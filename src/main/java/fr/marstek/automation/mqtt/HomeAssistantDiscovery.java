package fr.marstek.automation.mqtt;

import fr.marstek.automation.control.ModeName;
import fr.marstek.automation.device.BatteryId;
import fr.marstek.automation.device.DeviceIdentity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.ObjectMapper;

/** Home Assistant MQTT discovery configs: one retained message per entity. */
final class HomeAssistantDiscovery {

  static final List<String> MODES = ModeName.byNameAlone();

  private final Topics topics;
  private final ObjectMapper json;

  HomeAssistantDiscovery(Topics topics, ObjectMapper json) {
    this.topics = topics;
    this.json = json;
  }

  /** The battery's sensors, and its mode select and clear button unless commands are off. */
  List<Publication> forBattery(BatteryId id, Optional<DeviceIdentity> identity, boolean commands) {
    Map<String, Object> device = batteryDevice(id, identity);
    String state = topics.state(id);
    String prefix = "battery_" + id.value() + "_";
    List<Publication> messages = new ArrayList<>();
    messages.add(
        sensor(
            id,
            device,
            "soc",
            "State of charge",
            "{{ value_json.soc }}",
            Map.of("unit_of_measurement", "%", "device_class", "battery")));
    messages.add(
        sensor(
            id,
            device,
            "power",
            "Power",
            "{{ value_json.power_w }}",
            Map.of("unit_of_measurement", "W", "device_class", "power")));
    messages.add(
        sensor(
            id,
            device,
            "temperature",
            "Temperature",
            "{{ value_json.temperature_c }}",
            Map.of("unit_of_measurement", "°C", "device_class", "temperature")));
    messages.add(
        sensor(
            id,
            device,
            "grid_power",
            "Grid power",
            "{{ value_json.grid_power_w }}",
            Map.of("unit_of_measurement", "W", "device_class", "power")));
    // Lifetime counters of the battery: what Home Assistant's Energy dashboard asks for
    // (energy in kWh that only grows; a battery reset is seen by Home Assistant as a new cycle).
    for (String way : List.of("charged", "discharged")) {
      messages.add(
          sensor(
              id,
              device,
              way + "_energy",
              "Energy " + way,
              "{{ value_json." + way + "_kwh }}",
              Map.of(
                  "unit_of_measurement",
                  "kWh",
                  "device_class",
                  "energy",
                  "state_class",
                  "total_increasing")));
    }
    messages.add(sensor(id, device, "mode", "Mode", "{{ value_json.mode }}", Map.of()));
    messages.add(
        sensor(
            id, device, "desired_mode", "Desired mode", "{{ value_json.desired_mode }}", Map.of()));
    Map<String, Object> online = base(prefix + "online", "Online", device);
    online.put("state_topic", topics.availability(id));
    online.put("payload_on", Topics.ONLINE);
    online.put("payload_off", Topics.OFFLINE);
    online.put("device_class", "connectivity");
    online.put("entity_category", "diagnostic");
    online.put("availability_topic", topics.serviceStatus());
    messages.add(config("binary_sensor", prefix + "online", online));

    Map<String, Object> select = batteryEntity(id, prefix + "mode_select", "Force mode", device);
    select.put("command_topic", topics.modeCommand(id));
    select.put("state_topic", state);
    select.put("options", MODES);
    select.put(
        "value_template",
        "{{ value_json.desired_mode if value_json.desired_mode in "
            + "['AUTO', 'AI', 'MANUAL', 'IDLE'] else 'None' }}");
    messages.add(
        commands
            ? config("select", prefix + "mode_select", select)
            : remove("select", prefix + "mode_select"));

    Map<String, Object> clear =
        batteryEntity(id, prefix + "clear_override", "Clear override", device);
    clear.put("command_topic", topics.clearCommand(id));
    clear.put("payload_press", "PRESS");
    messages.add(
        commands
            ? config("button", prefix + "clear_override", clear)
            : remove("button", prefix + "clear_override"));
    return messages;
  }

  /** The service's own device: the pause switch unless commands are off. */
  List<Publication> forService(boolean commands) {
    Map<String, Object> pause = base("automation_paused", "Automation paused", serviceDevice());
    pause.put("command_topic", topics.pauseCommand());
    pause.put("state_topic", topics.paused());
    pause.put("payload_on", "ON");
    pause.put("payload_off", "OFF");
    pause.put("icon", "mdi:pause-circle");
    pause.put("availability_topic", topics.serviceStatus());
    return List.of(
        commands
            ? config("switch", "automation_paused", pause)
            : remove("switch", "automation_paused"));
  }

  /**
   * The fleet's charged and discharged energy, on the service's device: one battery entry in Home
   * Assistant's Energy dashboard for every battery at once.
   */
  List<Publication> forFleet() {
    List<Publication> messages = new ArrayList<>();
    for (String way : List.of("charged", "discharged")) {
      messages.add(
          serviceSensor(
                  "fleet_" + way + "_energy",
                  "Batteries energy " + way,
                  topics.fleetState(),
                  "{{ value_json." + way + "_kwh }}")
              .with("unit_of_measurement", "kWh")
              .with("device_class", "energy")
              .with("state_class", "total_increasing")
              .with("suggested_display_precision", 1)
              .config());
    }
    return messages;
  }

  /**
   * Tempo colours, period and days left (removed when Tempo is off) and the savings, on the
   * service's device.
   */
  List<Publication> forTariff(boolean tempo) {
    List<Publication> messages = new ArrayList<>();
    String state = topics.tempoState();
    messages.add(
        tempoSensor(
            tempo,
            serviceSensor("tempo_today", "Tempo colour today", state, "{{ value_json.today }}")
                .with("device_class", "enum")
                .with("options", TempoState.COLOURS)
                .with("icon", "mdi:calendar-today")));
    messages.add(
        tempoSensor(
            tempo,
            serviceSensor(
                    "tempo_tomorrow", "Tempo colour tomorrow", state, "{{ value_json.tomorrow }}")
                .with("device_class", "enum")
                .with("options", TempoState.COLOURS)
                .with("icon", "mdi:calendar-arrow-right")));
    messages.add(
        tempoSensor(
            tempo,
            serviceSensor("tempo_period", "Tempo period", state, "{{ value_json.period }}")
                .with("device_class", "enum")
                .with("options", List.of(TempoState.PEAK, TempoState.OFF_PEAK))
                .with("icon", "mdi:clock-time-four-outline")));
    for (String colour : List.of("blue", "white", "red")) {
      messages.add(
          tempoSensor(
              tempo,
              serviceSensor(
                      "tempo_" + colour + "_days_left",
                      "Tempo " + colour + " days left",
                      state,
                      "{{ value_json." + colour + "_days_left }}")
                  .with("unit_of_measurement", "d")
                  .with("state_class", "measurement")
                  .with("icon", "mdi:calendar-range")));
    }
    // Unit EUR/kWh and no device_class: Home Assistant's Energy dashboard takes a price entity in
    // that unit, and its monetary class accepts only a currency such as EUR.
    messages.add(
        tempoSensor(
            tempo,
            serviceSensor(
                    "tempo_price", "Electricity price now", state, "{{ value_json.price_eur_kwh }}")
                .with("unit_of_measurement", "EUR/kWh")
                .with("state_class", "measurement")
                .with("suggested_display_precision", 4)
                .with("icon", "mdi:cash")));
    String savings = topics.savingsState();
    messages.add(
        serviceSensor(
                "savings_month", "Savings this month", savings, "{{ value_json.month_saved_eur }}")
            .with("device_class", "monetary")
            .with("unit_of_measurement", "EUR")
            .with("suggested_display_precision", 2)
            .with("json_attributes_topic", savings)
            .config());
    messages.add(
        serviceSensor(
                "savings_season",
                "Savings this Tempo season",
                savings,
                "{{ value_json.season_saved_eur }}")
            .with("device_class", "monetary")
            .with("unit_of_measurement", "EUR")
            .with("suggested_display_precision", 2)
            .with("json_attributes_topic", savings)
            .config());
    return messages;
  }

  /** A sensor of the service's device, shown while the service is online. */
  private Entity serviceSensor(String objectId, String name, String stateTopic, String template) {
    Map<String, Object> sensor = base(objectId, name, serviceDevice());
    sensor.put("state_topic", stateTopic);
    sensor.put("value_template", template);
    sensor.put("availability_topic", topics.serviceStatus());
    return new Entity("sensor", objectId, sensor);
  }

  private Publication tempoSensor(boolean tempo, Entity entity) {
    return tempo ? entity.config() : remove(entity.component(), entity.objectId());
  }

  /** One entity's config being built. */
  private final class Entity {
    private final String component;
    private final String objectId;
    private final Map<String, Object> payload;

    Entity(String component, String objectId, Map<String, Object> payload) {
      this.component = component;
      this.objectId = objectId;
      this.payload = payload;
    }

    Entity with(String key, Object value) {
      payload.put(key, value);
      return this;
    }

    String component() {
      return component;
    }

    String objectId() {
      return objectId;
    }

    Publication config() {
      return HomeAssistantDiscovery.this.config(component, objectId, payload);
    }
  }

  private Publication sensor(
      BatteryId id,
      Map<String, Object> device,
      String key,
      String name,
      String template,
      Map<String, Object> extra) {
    String objectId = "battery_" + id.value() + "_" + key;
    Map<String, Object> sensor = batteryEntity(id, objectId, name, device);
    sensor.put("state_topic", topics.state(id));
    sensor.put("value_template", template);
    if (extra.containsKey("unit_of_measurement")) {
      sensor.put("state_class", "measurement");
    }
    sensor.putAll(extra);
    return config("sensor", objectId, sensor);
  }

  /** An entity shown only while both the service and the battery are online. */
  private Map<String, Object> batteryEntity(
      BatteryId id, String objectId, String name, Map<String, Object> device) {
    Map<String, Object> entity = base(objectId, name, device);
    entity.put(
        "availability",
        List.of(Map.of("topic", topics.serviceStatus()), Map.of("topic", topics.availability(id))));
    entity.put("availability_mode", "all");
    return entity;
  }

  private Map<String, Object> base(String objectId, String name, Map<String, Object> device) {
    Map<String, Object> entity = new LinkedHashMap<>();
    entity.put("name", name);
    entity.put("unique_id", topics.nodeId() + "_" + objectId);
    entity.put("device", device);
    entity.put("origin", Map.of("name", "marstek-automation"));
    return entity;
  }

  private Map<String, Object> batteryDevice(BatteryId id, Optional<DeviceIdentity> identity) {
    Map<String, Object> device = new LinkedHashMap<>();
    device.put("identifiers", List.of(topics.nodeId() + "_battery_" + id.value()));
    device.put("name", "Marstek battery " + id.value());
    device.put("manufacturer", "Marstek");
    identity.ifPresent(
        i -> {
          device.put("model", i.model());
          device.put("sw_version", Integer.toString(i.firmware()));
        });
    device.put("via_device", serviceId());
    return device;
  }

  private Map<String, Object> serviceDevice() {
    return Map.of(
        "identifiers", List.of(serviceId()),
        "name", "Marstek Automation",
        "manufacturer", "marstek-automation");
  }

  private String serviceId() {
    return topics.nodeId() + "_service";
  }

  private Publication config(String component, String objectId, Map<String, Object> payload) {
    return new Publication(
        topics.discovery(component, objectId), json.writeValueAsString(payload), true);
  }

  private Publication remove(String component, String objectId) {
    return new Publication(topics.discovery(component, objectId), "", true);
  }
}
