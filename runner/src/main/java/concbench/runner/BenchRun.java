package concbench.runner;

/** {@code ./bench run}: placeholder until the orchestration lands. */
public final class BenchRun {
    private BenchRun() {
    }

    public static void main(String[] args) {
        System.err.println("./bench run is not built yet");
        System.exit(1);
    }
}
