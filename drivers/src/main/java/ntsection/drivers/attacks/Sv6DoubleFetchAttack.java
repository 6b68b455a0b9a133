package ntsection.drivers.attacks;

import ntsection.user.UserProgram;

/**
 * A second thread of the ring's client flips a slot's length between a valid value and
 * one that runs past the end of the ring's view, hoping the driver checks one and uses
 * the other.
 */
public final class Sv6DoubleFetchAttack {
    private Sv6DoubleFetchAttack() {
    }

    /** Past the ring: data starts 4 KiB into a 16 KiB view, so 16 KiB of it crosses the view's end. */
    public static final int PAST_THE_RING = 16384;

    public static UserProgram flipLength(long lengthAddress, int validLength, int rounds) {
        return user -> {
            for (int i = 0; i < rounds; i++) {
                user.writeInt(lengthAddress, validLength);
                user.writeInt(lengthAddress, PAST_THE_RING);
            }
            user.writeInt(lengthAddress, validLength);
        };
    }
}
