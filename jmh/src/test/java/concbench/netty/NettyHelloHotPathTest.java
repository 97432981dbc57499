package concbench.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concbench.contract.Contract;
import org.junit.jupiter.api.Test;

/** Set-up verifies the contract's answer; then every operation gets one whole response of the same size. */
class NettyHelloHotPathTest {
    @Test
    void everyRequestGetsOneWholeResponse() {
        NettyHelloHotPath benchmark = new NettyHelloHotPath();
        benchmark.connect();
        try {
            long first = benchmark.getHello();
            assertTrue(first > Contract.HELLO_BODY_BYTES.length, "a status line and headers come with the body");
            assertEquals(first, benchmark.getHello());
        } finally {
            benchmark.disconnect();
        }
    }
}
