package ntsection.verifier.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One generated NtDeviceIoControlFile: a control code the driver answers, input words,
 * the lengths, and where each buffer is. Mostly well-formed buffers, so requests get
 * past the driver's length checks into the code that handles sections and views;
 * sometimes a null, kernel, misaligned or read-only one, which the I/O manager and the
 * driver must turn into a status.
 */
record Request(int code, List<Word> input, int inputLength, Place inputAt, int outputLength, Place outputAt) {

    /** Where a buffer is. */
    enum Place {
        BUFFER, NULL, KERNEL, MISALIGNED, READ_ONLY
    }

    private static final int[] OUTPUT_LENGTHS = {0, 8, 16, 64, 256, 4096};

    static Request random(SplittableRandom random, List<Integer> codes, int index) {
        int code = codes.get(random.nextInt(codes.size()));
        int words = random.nextInt(5);
        List<Word> input = new ArrayList<>(words);
        for (int i = 0; i < words; i++) input.add(Word.random(random, index));
        int inputLength = random.nextInt(8) == 0 ? random.nextInt(4097) : words * Long.BYTES;
        int outputLength = OUTPUT_LENGTHS[random.nextInt(OUTPUT_LENGTHS.length)];
        return new Request(code, List.copyOf(input), inputLength, place(random, false), outputLength, place(random, true));
    }

    private static Place place(SplittableRandom random, boolean output) {
        if (random.nextInt(6) != 0) return Place.BUFFER;
        Place[] odd = output ? new Place[]{Place.NULL, Place.KERNEL, Place.MISALIGNED, Place.READ_ONLY}
                : new Place[]{Place.NULL, Place.KERNEL, Place.MISALIGNED};
        return odd[random.nextInt(odd.length)];
    }

    /** "IOCTL 0x0022e003 in=[reply#0, 0] (16 bytes) out=64 bytes", with odd places named. */
    String describe() {
        StringBuilder text = new StringBuilder(String.format("IOCTL 0x%08x in=[", code));
        for (int i = 0; i < input.size(); i++) text.append(i == 0 ? "" : ", ").append(input.get(i).describe());
        text.append("] (").append(inputLength).append(" bytes");
        if (inputAt != Place.BUFFER) text.append(" at ").append(name(inputAt));
        text.append(") out=").append(outputLength).append(" bytes");
        if (outputAt != Place.BUFFER) text.append(" at ").append(name(outputAt));
        return text.toString();
    }

    private static String name(Place place) {
        return place.name().toLowerCase().replace('_', '-');
    }
}
