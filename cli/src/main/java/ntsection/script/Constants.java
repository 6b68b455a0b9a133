package ntsection.script;

import ntsection.ex.Event;
import ntsection.io.CtlCode;
import ntsection.io.FileAccess;
import ntsection.io.samples.EchoIoctl;
import ntsection.ke.BugCheckCodes;
import ntsection.ke.ProcessorMode;
import ntsection.mm.PageProtection;
import ntsection.mm.SectionInformationClass;
import ntsection.ob.Access;
import ntsection.ob.Attributes;
import ntsection.ob.Handles;
import ntsection.ps.ProcessAccess;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The NT constants scripts may name, read from the kernel's own constant classes so
 * that a script and the model can never disagree on a value. A class that defines new
 * constants joins by being added to {@link #SOURCES}.
 */
final class Constants {
    private static final List<Class<?>> SOURCES = List.of(
            Access.class, Attributes.class, Handles.class, ProcessAccess.class, Event.class,
            PageProtection.class, SectionInformationClass.class, FileAccess.class, CtlCode.class, EchoIoctl.class);

    private static final Map<String, Long> VALUES = withBuiltins(load(SOURCES));
    private static final Map<String, Long> BUG_CHECK_CODES = Map.copyOf(load(List.of(BugCheckCodes.class)));

    private Constants() {
    }

    /** The value of a constant, 32-bit masks as unsigned; null when there is no such constant. */
    static Long value(String name) {
        return VALUES.get(name);
    }

    static Long bugCheckCode(String name) {
        return BUG_CHECK_CODES.get(name);
    }

    private static Map<String, Long> load(List<Class<?>> sources) {
        Map<String, Long> values = new HashMap<>();
        for (Class<?> source : sources) {
            for (Field field : source.getFields()) {
                int modifiers = field.getModifiers();
                if (!Modifier.isStatic(modifiers) || !Modifier.isFinal(modifiers)) continue;
                Long value = read(field);
                if (value == null) continue;
                Long clash = values.put(field.getName(), value);
                if (clash != null && !clash.equals(value)) {
                    throw new IllegalStateException("constant " + field.getName() + " has two values: " + clash + " and " + value);
                }
            }
        }
        return values;
    }

    private static Map<String, Long> withBuiltins(Map<String, Long> values) {
        // KPROCESSOR_MODE's values in NT: KernelMode 0, UserMode 1, the enum's order.
        for (ProcessorMode mode : ProcessorMode.values()) values.put(mode.name(), (long) mode.ordinal());
        values.put("FALSE", 0L);
        values.put("TRUE", 1L);
        return Map.copyOf(values);
    }

    private static Long read(Field field) {
        try {
            if (field.getType() == int.class) return Integer.toUnsignedLong(field.getInt(null));
            if (field.getType() == long.class) return field.getLong(null);
            return null;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read constant " + field, e);
        }
    }
}
