package fr.marstek.automation.device.marstek;

import static org.assertj.core.api.Assertions.assertThat;

import fr.marstek.automation.device.BatteryPort;
import fr.marstek.automation.device.BatteryUnreachable;
import fr.marstek.automation.device.marstek.protocol.MarstekCodec;
import fr.marstek.automation.device.marstek.protocol.Method;
import fr.marstek.automation.device.marstek.protocol.Request;
import fr.marstek.automation.simulator.SimulatedDevice;
import fr.marstek.automation.testing.BenchmarkReport;
import fr.marstek.automation.testing.LoopbackSimulators;
import fr.marstek.automation.testing.Samples;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.ref.Reference;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Foundation issue: time to read the full status of 3 and of 100 simulated batteries with the
 * firmware's pacing, and the client's CPU and memory per battery. Simulators and client share this
 * JVM; the simulators' own CPU is measured apart by replaying the same datagrams from a bare
 * socket.
 */
@Tag("benchmark")
class DeviceClientBenchmark {

  private static final int[] FLEETS = {3, 100};
  private static final int PACED_ROUNDS = Integer.getInteger("benchmark.pacedRounds", 5);
  private static final int UNPACED_ROUNDS = Integer.getInteger("benchmark.unpacedRounds", 30);
  private static final List<Method> STEADY_READ =
      List.of(Method.ES_STATUS, Method.ES_MODE, Method.EM_STATUS);
  private static final int CPU_READS = Integer.getInteger("benchmark.cpuReads", 20_000);
  private static final int MEMORY_REPEATS = 3;
  private static final double MS = 1e6;

  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

  private record Pacing(String name, MarstekClientSettings settings, int rounds) {}

  private record Run(
      Pacing pacing,
      int batteries,
      double firstRead,
      double firstRequests,
      Samples wall,
      double requestsPerRead,
      int failures) {}

  private record Cpu(int batteries, long reads, double perRead, double simulatorPerRead) {}

  @Test
  void readsTheFullStatusOfEveryBatteryInParallel() throws Exception {
    List<Pacing> pacings =
        List.of(
            new Pacing(
                "default (2 s / 0.3 s / 50 ms)", LoopbackClient.defaultPacing(), PACED_ROUNDS),
            new Pacing(
                "default gaps, no stagger (2 s / 0.3 s / 0)",
                LoopbackClient.gaps(Duration.ofSeconds(2), Duration.ofMillis(300), Duration.ZERO),
                PACED_ROUNDS),
            new Pacing(
                "no gaps (0 / 0 / 0)",
                LoopbackClient.gaps(Duration.ZERO, Duration.ZERO, Duration.ZERO),
                UNPACED_ROUNDS));
    List<Run> runs = new ArrayList<>();
    for (Pacing pacing : pacings) {
      for (int n : FLEETS) {
        runs.add(run(pacing, n));
      }
    }
    List<Cpu> cpu = new ArrayList<>();
    List<List<String>> memory = new ArrayList<>();
    for (int n : FLEETS) {
      cpu.add(cpu(n));
      memory.add(memory(n));
    }
    report(runs, cpu, memory).write("device-client");
    assertThat(runs).allSatisfy(r -> assertThat(r.failures()).isZero());
  }

  private Run run(Pacing pacing, int n) throws Exception {
    try (var sims = LoopbackSimulators.start(n, InstantSource.system());
        var client = LoopbackClient.wire(sims.endpoints(), pacing.settings())) {
      List<BatteryPort> ports = client.batteries().all();
      long start = System.nanoTime();
      int failures = readAll(ports);
      double first = seconds(System.nanoTime() - start);
      settle(pacing);
      double firstRequests = sims.requestsReceived() / (double) n;
      Samples wall = new Samples();
      long before = sims.requestsReceived();
      for (int round = 0; round < pacing.rounds(); round++) {
        long t0 = System.nanoTime();
        failures += readAll(ports);
        wall.add(seconds(System.nanoTime() - t0));
        settle(pacing);
      }
      long reads = (long) pacing.rounds() * n;
      double requestsPerRead = (sims.requestsReceived() - before) / (double) reads;
      return new Run(pacing, n, first, firstRequests, wall, requestsPerRead, failures);
    }
  }

  /**
   * Process CPU per steady read, unpaced so that the JVM's background work over long waits does not
   * swamp it, after a warm-up; then the simulators alone answering the same datagrams.
   */
  private Cpu cpu(int n) throws Exception {
    int rounds = Math.max(1, CPU_READS / n);
    try (var sims = LoopbackSimulators.start(n, InstantSource.system());
        var client =
            LoopbackClient.wire(
                sims.endpoints(),
                LoopbackClient.gaps(Duration.ZERO, Duration.ZERO, Duration.ZERO))) {
      List<BatteryPort> ports = client.batteries().all();
      for (int round = 0; round < rounds / 2; round++) {
        readAll(ports);
      }
      long cpu0 = os.getProcessCpuTime();
      int failures = 0;
      for (int round = 0; round < rounds; round++) {
        failures += readAll(ports);
      }
      long clientAndSimulators = os.getProcessCpuTime() - cpu0;
      assertThat(failures).isZero();
      replay(sims, rounds / 2);
      long simulators = replay(sims, rounds);
      long reads = (long) rounds * n;
      return new Cpu(n, reads, clientAndSimulators / (double) reads, simulators / (double) reads);
    }
  }

  /** One full status read of every battery, each on its own virtual thread as the observer does. */
  private static int readAll(List<BatteryPort> ports) throws InterruptedException {
    AtomicInteger failures = new AtomicInteger();
    try (var pollers = Executors.newVirtualThreadPerTaskExecutor()) {
      for (BatteryPort port : ports) {
        pollers.execute(
            () -> {
              try {
                port.readStatus();
              } catch (BatteryUnreachable e) {
                failures.incrementAndGet();
              }
            });
      }
    }
    return failures.get();
  }

  // A round starts once the previous one's quiet gap is over, as a poll 30 s later would.
  private static void settle(Pacing pacing) throws InterruptedException {
    Thread.sleep(pacing.settings().quietGap().plusMillis(200));
  }

  /** Process CPU of the simulators answering the same steady reads from bare sockets, unpaced. */
  private long replay(LoopbackSimulators sims, int rounds) throws Exception {
    MarstekCodec codec = new MarstekCodec();
    List<byte[]> requests = new ArrayList<>();
    for (int i = 0; i < STEADY_READ.size(); i++) {
      requests.add(codec.encode(i + 1, Request.read(STEADY_READ.get(i))));
    }
    AtomicInteger lost = new AtomicInteger();
    long cpu0 = os.getProcessCpuTime();
    try (var clients = Executors.newVirtualThreadPerTaskExecutor()) {
      for (SimulatedDevice device : sims.devices()) {
        clients.execute(() -> lost.addAndGet(replayOne(device.address(), requests, rounds)));
      }
    }
    long cpu = os.getProcessCpuTime() - cpu0;
    assertThat(lost.get()).as("replies lost in the replay").isZero();
    return cpu;
  }

  private static int replayOne(InetSocketAddress device, List<byte[]> requests, int rounds) {
    int lost = 0;
    byte[] buffer = new byte[4096];
    try (var socket =
        new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      socket.setSoTimeout(2000);
      for (int round = 0; round < rounds; round++) {
        for (byte[] request : requests) {
          socket.send(new DatagramPacket(request, request.length, device));
          try {
            socket.receive(new DatagramPacket(buffer, buffer.length));
          } catch (java.net.SocketTimeoutException e) {
            lost++;
          }
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return lost;
  }

  /** Median over a few tries of the heap and platform threads the client adds for n batteries. */
  private List<String> memory(int n) throws Exception {
    Samples heap = new Samples();
    Samples added = new Samples();
    for (int i = 0; i < MEMORY_REPEATS; i++) {
      long[] delta = memoryOnce(n);
      heap.add(delta[0] / 1024.0);
      added.add(delta[1]);
    }
    return List.of(
        Integer.toString(n),
        Samples.format(heap.median(), 0)
            + " ("
            + Samples.format(heap.min(), 0)
            + "-"
            + Samples.format(heap.max(), 0)
            + ")",
        Samples.format(heap.median() / n, 1),
        Samples.format(added.max(), 0));
  }

  /** Heap after GC and platform threads with n batteries wired and read twice, against none. */
  private long[] memoryOnce(int n) throws Exception {
    try (var sims = LoopbackSimulators.start(n, InstantSource.system())) {
      long heap0 = settledHeap();
      int threads0 = threads.getThreadCount();
      var client =
          LoopbackClient.wire(
              sims.endpoints(), LoopbackClient.gaps(Duration.ZERO, Duration.ZERO, Duration.ZERO));
      try {
        readAll(client.batteries().all());
        readAll(client.batteries().all());
        long heap1 = settledHeap();
        int threads1 = threads.getThreadCount();
        return new long[] {heap1 - heap0, threads1 - threads0};
      } finally {
        Reference.reachabilityFence(client);
        client.close();
      }
    }
  }

  private static long settledHeap() throws InterruptedException {
    var memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      memory.gc();
      Thread.sleep(100);
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  /**
   * The least wall time a read of every battery can take: each battery waits a gap between its k
   * requests, and any two sends in the fleet are a stagger apart (round trips on loopback ignored).
   */
  static double floorSeconds(int n, double k, MarstekClientSettings p) {
    double gap = seconds(Math.max(p.quietGap().toNanos(), p.sendGap().toNanos()));
    double stagger = seconds(p.staggerGap().toNanos());
    double chain = (k - 1) * gap + (n - 1) * stagger;
    double fleet = (k * n - 1) * stagger;
    return Math.max(chain, fleet);
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static BenchmarkReport report(List<Run> runs, List<Cpu> cpus, List<List<String>> memory) {
    List<List<String>> timing = new ArrayList<>();
    List<List<String>> cpu = new ArrayList<>();
    for (Cpu c : cpus) {
      cpu.add(
          List.of(
              Integer.toString(c.batteries()),
              Long.toString(c.reads()),
              Samples.format(c.perRead() / MS, 3),
              Samples.format(c.simulatorPerRead() / MS, 3),
              Samples.format((c.perRead() - c.simulatorPerRead()) / MS, 3)));
    }
    for (Run r : runs) {
      timing.add(
          List.of(
              r.pacing().name(),
              Integer.toString(r.batteries()),
              Samples.format(r.firstRead(), 2) + " (" + Samples.format(r.firstRequests(), 1) + ")",
              Samples.format(r.requestsPerRead(), 2),
              r.wall().medianAndMax(3),
              Samples.format(floorSeconds(r.batteries(), 3, r.pacing().settings()), 2),
              Integer.toString(r.wall().count()),
              Integer.toString(r.failures())));
    }
    return new BenchmarkReport("Device client")
        .paragraph(
            "One full `readStatus()` of every battery at once, one virtual thread per battery,"
                + " against simulated Venus E on 127.0.0.1 (same JVM). Pacing = quiet gap / send"
                + " gap / stagger. Times in seconds.")
        .table(
            List.of(
                "pacing",
                "batteries",
                "first read s (requests/battery)",
                "requests per read",
                "full read median / max s",
                "floor s",
                "rounds",
                "failed reads"),
            timing)
        .paragraph(
            "CPU per steady battery-read (3 requests), measured unpaced after a warm-up of half"
                + " as many reads: process CPU time / reads; simulator-only = the same datagrams"
                + " replayed from bare sockets (includes that bare client's own syscalls); client ="
                + " difference.")
        .table(
            List.of(
                "batteries",
                "reads",
                "process CPU ms/read",
                "simulator-only ms/read",
                "client ms/read (difference)"),
            cpu)
        .paragraph(
            "Memory: heap used after GC with the client wired to N batteries and two reads done,"
                + " minus before wiring (simulators running in both); median (min-max) of "
                + MEMORY_REPEATS
                + " tries.")
        .table(
            List.of("batteries", "heap delta KiB", "KiB per battery", "platform threads added"),
            memory);
  }
}
