package ntsection.verifier.explore;

import java.util.SplittableRandom;

import static ntsection.ob.Handles.KERNEL_HANDLE_FLAG;

/**
 * One eight-byte value of a generated request's input. Most are what a fuzzer tries on
 * any interface (zero, one, lengths, -1); the rest are what a section driver's interface
 * is about: handles (the caller's own section, event and device, a value the driver
 * replied earlier, kernel handle values, bare guesses) and addresses (the caller's
 * buffer, a view the driver mapped, a kernel address).
 *
 * @param argument which reply, which guess, or the small number
 */
record Word(Kind kind, int argument) {
    static final long KERNEL_ADDRESS = 0xFFFF_F780_0000_0000L;

    enum Kind {
        ZERO, ONE, SMALL, PAGE, LARGE, MINUS_ONE, REPLY, OWN_SECTION, OWN_EVENT, DEVICE, KERNEL_HANDLE, GUESSED_HANDLE,
        BUFFER, VIEW, KERNEL_POINTER
    }

    static Word random(SplittableRandom random, int requestIndex) {
        Kind[] kinds = Kind.values();
        Kind kind = kinds[random.nextInt(kinds.length)];
        if (kind == Kind.REPLY && requestIndex == 0) kind = Kind.ZERO;
        int argument = switch (kind) {
            case SMALL -> 2 + random.nextInt(15);
            case REPLY -> random.nextInt(requestIndex);
            case KERNEL_HANDLE, GUESSED_HANDLE -> 1 + random.nextInt(16);
            default -> 0;
        };
        return new Word(kind, argument);
    }

    /** The value in this run: handles and addresses are what the caller holds and sees at the time. */
    long value(CallerState state) {
        return switch (kind) {
            case ZERO -> 0;
            case ONE -> 1;
            case SMALL -> argument;
            case PAGE -> 4096;
            case LARGE -> 0x7FFF_FFFFL;
            case MINUS_ONE -> -1;
            case REPLY -> state.reply(argument);
            case OWN_SECTION -> state.ownSection();
            case OWN_EVENT -> state.ownEvent();
            case DEVICE -> state.device();
            case KERNEL_HANDLE -> KERNEL_HANDLE_FLAG | 4L * argument;
            case GUESSED_HANDLE -> 4L * argument;
            case BUFFER -> state.buffer();
            case VIEW -> state.firstForeignView();
            case KERNEL_POINTER -> KERNEL_ADDRESS;
        };
    }

    String describe() {
        return switch (kind) {
            case ZERO -> "0";
            case ONE -> "1";
            case SMALL -> Integer.toString(argument);
            case PAGE -> "0x1000";
            case LARGE -> "0x7fffffff";
            case MINUS_ONE -> "-1";
            case REPLY -> "reply#" + argument;
            case OWN_SECTION -> "own-section";
            case OWN_EVENT -> "own-event";
            case DEVICE -> "device-handle";
            case KERNEL_HANDLE -> "kernel-handle-0x" + Long.toHexString(4L * argument);
            case GUESSED_HANDLE -> "handle-0x" + Long.toHexString(4L * argument);
            case BUFFER -> "buffer";
            case VIEW -> "view";
            case KERNEL_POINTER -> "kernel-address";
        };
    }
}
