package ntsection.script;

import ntsection.ob.KernelObject;

import java.util.HexFormat;

/** How an output is printed and what kind of value it holds. */
public enum OutputFormat {
    /** Handles, addresses, access masks, flags. */
    HEX(ValueType.NUMBER),
    /** Counts and ids. */
    DECIMAL(ValueType.NUMBER),
    OBJECT(ValueType.OBJECT),
    DATA(ValueType.DATA);

    private final ValueType type;

    OutputFormat(ValueType type) {
        this.type = type;
    }

    ValueType type() {
        return type;
    }

    /** "0x4", "2", "0xFFFFA80000000140 <Event (unnamed)>", "01020304". */
    String render(Object value) {
        if (value == null) return "null";
        return switch (value) {
            case Long number when this == DECIMAL -> Long.toString(number);
            case Long number -> "0x" + Long.toHexString(number).toUpperCase();
            case KernelObject object -> "0x" + Long.toHexString(object.address()).toUpperCase() + " <" + object.describe() + ">";
            case byte[] bytes -> HexFormat.of().withUpperCase().formatHex(bytes);
            default -> value.toString();
        };
    }
}
