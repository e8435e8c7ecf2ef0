package vn.kontum.hotline.intake;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How long the intake's writer waits for one more message before it writes the batch it holds. */
class GatheringTest {

    private static final long MS = 1_000_000;
    private static final long LONGEST = 2 * MS; // a fifth of the default 10 ms gathering

    @Test
    void a_steady_stream_waits_the_whole_pause_so_that_a_commit_carries_several_messages() {
        assertThat(MessageIntake.quiet(1, 0, LONGEST)).isEqualTo(LONGEST);
        assertThat(MessageIntake.quiet(7, 0, LONGEST)).as("too few to call it a burst").isEqualTo(LONGEST);
        assertThat(MessageIntake.quiet(10, 9 * MS, LONGEST)).as("a message a millisecond").isEqualTo(LONGEST);
        assertThat(MessageIntake.quiet(10, 9 * MS / 3, LONGEST)).as("three a millisecond").isEqualTo(LONGEST);
    }

    @Test
    void a_burst_is_written_soon_after_it_ends() {
        assertThat(MessageIntake.quiet(32, 31 * 30_000, LONGEST)).as("32 messages 30 us apart").isEqualTo(MS / 2);
        assertThat(MessageIntake.quiet(16, 15 * 150_000, LONGEST)).as("16 messages 150 us apart").isEqualTo(8 * 150_000);
    }

    @Test
    void a_shorter_gathering_is_never_lengthened() {
        assertThat(MessageIntake.quiet(32, 31 * 30_000, 200_000)).isEqualTo(200_000);
        assertThat(MessageIntake.quiet(3, 0, 0)).isZero();
    }
}
