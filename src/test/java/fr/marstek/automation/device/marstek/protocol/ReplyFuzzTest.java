package fr.marstek.automation.device.marstek.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.device.marstek.Fixtures;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Feeds the datagram decoder replies mutated from every captured fixture (byte flips, cuts, invalid
 * UTF-8, deep nesting, huge numbers, swapped types, junk): each one ends in a result or a {@link
 * MalformedReply}, never another exception, and within a few seconds. The seed is fixed, so a
 * failure names an input that can be replayed; {@code -Dfuzz.seed=} and {@code -Dfuzz.count=} try
 * others.
 */
class ReplyFuzzTest {

  /** The largest UDP payload: no datagram the socket hands over can be longer. */
  private static final int LARGEST_DATAGRAM = 65_507;

  private static final long SEED = Long.getLong("fuzz.seed", 20261126L);
  private static final int COUNT = Integer.getInteger("fuzz.count", 20_000);

  private static final List<DeviceProfile> PROFILES =
      List.of(
          DeviceProfile.UNKNOWN,
          new DeviceProfile(Family.VENUS_E3, new Firmware(140)),
          new DeviceProfile(Family.VENUS_E3, new Firmware(150)),
          new DeviceProfile(Family.HMG50, new Firmware(153)),
          new DeviceProfile(Family.VENUS_A, new Firmware(1476)),
          new DeviceProfile(Family.VENUS_D, new Firmware(9999)));

  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
  private static final Pattern STRING = Pattern.compile("\"[^\"]*\"");

  private static final String[] ODD_VALUES = {
    "null",
    "true",
    "\"\"",
    "\"NaN\"",
    "\"Infinity\"",
    "\"-1e999\"",
    "[]",
    "{}",
    "[1,[2,[3]]]",
    "{\"a\":{}}",
    "1e400",
    "-1e400",
    "1e-400",
    "99999999999999999999999999999999999999",
    "-99999999999999999999999999999999999999",
    "2147483648",
    "-2147483649",
    "9223372036854775808",
    "0.000000000000000000001",
    "-0",
    "65536",
    "-1",
    "\"\\u0000\"",
    "\"\\ud800\"",
    "\"é\"",
    "\"" + "x".repeat(10_000) + "\"",
    "1" + "0".repeat(999),
    "1" + "0".repeat(5_000),
  };

  private static final byte[][] BAD_UTF8 = {
    {(byte) 0xC3},
    {(byte) 0xFF, (byte) 0xFE},
    {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
    {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
    {(byte) 0xC0, (byte) 0xAF},
    {0},
  };

  private static final MarstekCodec CODEC = new MarstekCodec();
  private static List<byte[]> seeds;
  private static ExecutorService worker;

  @BeforeAll
  static void readFixtures() throws IOException, URISyntaxException {
    Path dir = Path.of(Fixtures.class.getResource("/marstek").toURI());
    try (Stream<Path> files = Files.list(dir)) {
      seeds =
          files
              .filter(f -> f.toString().endsWith(".json"))
              .sorted()
              .map(f -> Fixtures.text(f.getFileName().toString()).getBytes(StandardCharsets.UTF_8))
              .toList();
    }
    worker = Executors.newSingleThreadExecutor();
  }

  @AfterAll
  static void stopWorker() {
    worker.shutdownNow();
  }

  @Test
  void theFixturesThemselvesDecodeWithoutSurprise() throws Exception {
    assertThat(seeds).hasSizeGreaterThanOrEqualTo(20);
    for (byte[] fixture : seeds) {
      assertThat(decodeAll(fixture)).isNotNull();
    }
  }

  @Test
  void mutatedRepliesEndInAResultOrAMalformedReplyInTime() throws Exception {
    Random random = new Random(SEED);
    List<String> failures = new ArrayList<>();
    int[] outcomes = new int[2];
    for (int i = 0; i < COUNT; i++) {
      byte[] input = mutate(random, seeds.get(random.nextInt(seeds.size())));
      if (input.length > LARGEST_DATAGRAM) {
        input = java.util.Arrays.copyOf(input, LARGEST_DATAGRAM);
      }
      byte[] datagram = input;
      try {
        Outcome outcome = worker.submit(() -> decodeAll(datagram)).get(10, TimeUnit.SECONDS);
        outcomes[outcome == Outcome.MALFORMED ? 0 : 1]++;
      } catch (ExecutionException e) {
        failures.add(describe(i, datagram, e.getCause()));
      } catch (TimeoutException e) {
        failures.add(describe(i, datagram, e));
        worker.shutdownNow();
        worker = Executors.newSingleThreadExecutor();
      }
      if (failures.size() >= 10) {
        break;
      }
    }
    System.out.printf(
        "ReplyFuzzTest: seed %d, %d inputs: %d malformed, %d decoded%n",
        SEED, COUNT, outcomes[0], outcomes[1]);
    assertThat(failures).as("inputs whose decoding escaped or hung").isEmpty();
    // the mutations must reach the decoders behind the envelope, not only the JSON parser
    assertThat(outcomes[1]).isGreaterThan(COUNT / 20);
  }

  @Test
  void deeplyNestedAndHugeDatagramsAreRefusedAsMalformed() throws Exception {
    String deep = "{\"id\":1,\"result\":" + "[".repeat(60_000) + "]".repeat(60_000) + "}";
    String deepObjects =
        "{\"id\":1,\"result\":" + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000) + "}";
    String longNumber = "{\"id\":1,\"result\":{\"bat_soc\":" + "9".repeat(60_000) + "}}";

    for (String text : List.of(deep, deepObjects, longNumber)) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      byte[] datagram = java.util.Arrays.copyOf(bytes, Math.min(bytes.length, LARGEST_DATAGRAM));
      assertThat(worker.submit(() -> decodeAll(datagram)).get(10, TimeUnit.SECONDS))
          .isEqualTo(Outcome.MALFORMED);
    }
  }

  enum Outcome {
    MALFORMED,
    DECODED
  }

  /** Parses the datagram and runs every result reader on it, for every device profile. */
  private static Outcome decodeAll(byte[] datagram) {
    Reply reply;
    try {
      reply = CODEC.parse(datagram, 0, datagram.length);
    } catch (MalformedReply e) {
      return Outcome.MALFORMED;
    }
    boolean decoded = false;
    decoded |= attempt(() -> DeviceInfo.from(reply));
    JsonNode result;
    try {
      result = reply.requireResult();
    } catch (MalformedReply e) {
      return decoded ? Outcome.DECODED : Outcome.MALFORMED;
    }
    decoded |= attempt(() -> WifiStatus.from(result));
    decoded |= attempt(() -> BleStatus.from(result));
    decoded |= attempt(() -> SetResult.from(result));
    for (DeviceProfile profile : PROFILES) {
      decoded |= attempt(() -> BatStatus.from(result, profile));
      decoded |= attempt(() -> EsMode.from(result, profile));
      decoded |= attempt(() -> EsStatus.from(result, profile));
      decoded |= attempt(() -> MeterReading.from(result, profile));
      decoded |= attempt(() -> PvStatus.from(result, profile));
    }
    return decoded ? Outcome.DECODED : Outcome.MALFORMED;
  }

  @FunctionalInterface
  private interface Reader {
    Object read() throws MalformedReply;
  }

  private static boolean attempt(Reader reader) {
    try {
      Object value = reader.read();
      // reading every component also runs any lazy formatting a caller would trigger
      return value != null && !value.toString().isEmpty();
    } catch (MalformedReply e) {
      return false;
    }
  }

  private static byte[] mutate(Random random, byte[] seed) {
    byte[] data = seed;
    int rounds = 1 + random.nextInt(3);
    for (int r = 0; r < rounds; r++) {
      data =
          switch (random.nextInt(10)) {
            case 0 -> flipBytes(random, data);
            case 1 -> java.util.Arrays.copyOf(data, random.nextInt(data.length + 1));
            case 2 -> insert(random, data, BAD_UTF8[random.nextInt(BAD_UTF8.length)]);
            case 3 -> replaceAll(random, data, NUMBER);
            case 4 -> replaceAll(random, data, STRING);
            case 5 -> nest(random, data);
            case 6 -> insert(random, data, randomBytes(random, 1 + random.nextInt(16)));
            case 7 -> deleteSpan(random, data);
            case 8 -> duplicateSpan(random, data);
            default -> replaceOne(random, data, random.nextBoolean() ? NUMBER : STRING);
          };
    }
    return data;
  }

  private static byte[] flipBytes(Random random, byte[] data) {
    byte[] copy = data.clone();
    int flips = 1 + random.nextInt(4);
    for (int i = 0; i < flips && copy.length > 0; i++) {
      copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
    }
    return copy;
  }

  private static byte[] insert(Random random, byte[] data, byte[] piece) {
    int at = random.nextInt(data.length + 1);
    byte[] out = new byte[data.length + piece.length];
    System.arraycopy(data, 0, out, 0, at);
    System.arraycopy(piece, 0, out, at, piece.length);
    System.arraycopy(data, at, out, at + piece.length, data.length - at);
    return out;
  }

  private static byte[] randomBytes(Random random, int n) {
    byte[] bytes = new byte[n];
    random.nextBytes(bytes);
    return bytes;
  }

  private static byte[] deleteSpan(Random random, byte[] data) {
    if (data.length < 2) {
      return data;
    }
    int from = random.nextInt(data.length);
    int to = Math.min(data.length, from + 1 + random.nextInt(20));
    byte[] out = new byte[data.length - (to - from)];
    System.arraycopy(data, 0, out, 0, from);
    System.arraycopy(data, to, out, from, data.length - to);
    return out;
  }

  private static byte[] duplicateSpan(Random random, byte[] data) {
    if (data.length < 2) {
      return data;
    }
    int from = random.nextInt(data.length);
    int to = Math.min(data.length, from + 1 + random.nextInt(40));
    return insert(random, data, java.util.Arrays.copyOfRange(data, from, to));
  }

  /** Wraps one value in many arrays or objects, past any sane depth. */
  private static byte[] nest(Random random, byte[] data) {
    int depth = 1 + random.nextInt(random.nextBoolean() ? 50 : 5_000);
    String open = random.nextBoolean() ? "[" : "{\"k\":";
    String close = open.equals("[") ? "]" : "}";
    return replaceOneWith(random, data, NUMBER, open.repeat(depth) + "1" + close.repeat(depth));
  }

  private static byte[] replaceAll(Random random, byte[] data, Pattern pattern) {
    String text = new String(data, StandardCharsets.ISO_8859_1);
    Matcher m = pattern.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value =
          random.nextInt(3) == 0
              ? Matcher.quoteReplacement(ODD_VALUES[random.nextInt(ODD_VALUES.length)])
              : Matcher.quoteReplacement(m.group());
      m.appendReplacement(out, value);
    }
    m.appendTail(out);
    return latin1(out.toString());
  }

  private static byte[] replaceOne(Random random, byte[] data, Pattern pattern) {
    return replaceOneWith(random, data, pattern, ODD_VALUES[random.nextInt(ODD_VALUES.length)]);
  }

  private static byte[] replaceOneWith(
      Random random, byte[] data, Pattern pattern, String replacement) {
    String text = new String(data, StandardCharsets.ISO_8859_1);
    List<int[]> spans = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      spans.add(new int[] {m.start(), m.end()});
    }
    if (spans.isEmpty()) {
      return data;
    }
    int[] span = spans.get(random.nextInt(spans.size()));
    return latin1(text.substring(0, span[0]) + replacement + text.substring(span[1]));
  }

  private static byte[] latin1(String text) {
    // the odd values are ASCII apart from é, which is written as its UTF-8 bytes
    return text.replace("é", "\u00c3\u00a9").getBytes(StandardCharsets.ISO_8859_1);
  }

  private static String describe(int index, byte[] input, Throwable problem) {
    String shown = new String(input, StandardCharsets.UTF_8);
    if (shown.length() > 300) {
      shown = shown.substring(0, 300) + "...";
    }
    return "input #" + index + " (seed " + SEED + "): " + problem + "\n  " + shown;
  }
}
