package concbench.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NettyServerTest {
    @ParameterizedTest(name = "{0} connections over {1} loops")
    @CsvSource({"1000,1", "1000,2", "1000,3", "5,2", "7,4", "1000,32", "64,64"})
    void perLoopPoolsAddUpToTheServerWideCap(int total, int loops) {
        int sum = IntStream.range(0, loops).map(i -> NettyServer.connectionsOfLoop(total, loops, i)).sum();
        assertEquals(total, sum);
    }
}
