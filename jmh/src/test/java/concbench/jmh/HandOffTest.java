package concbench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The ping-pong parties play whole games, one after the other, and stop when told: no wake-up is ever lost. */
@Timeout(30)
class HandOffTest {
    private static final int GAMES = 3;

    @Test
    void platformThreadsPlayEveryGame() throws InterruptedException {
        playGames(new HandOff.ThreadPair(Thread.ofPlatform().daemon()));
    }

    @Test
    void virtualThreadsPlayEveryGame() throws InterruptedException {
        playGames(new HandOff.ThreadPair(Thread.ofVirtual()));
    }

    @Test
    void eventLoopsPlayEveryRoundTrip() {
        HandOff.NettyLoops loops = new HandOff.NettyLoops();
        loops.start();
        try {
            assertEquals(HandOff.ROUND_TRIPS, loops.play(loops.ping, loops.pong));
            assertEquals(HandOff.ROUND_TRIPS, loops.play(loops.ping, loops.ping));
        } finally {
            loops.stop();
        }
    }

    private static void playGames(HandOff.ThreadPair pair) throws InterruptedException {
        try {
            for (int game = 1; game <= GAMES; game++) {
                assertEquals(game, pair.play());
            }
        } finally {
            pair.stop();
        }
    }
}
