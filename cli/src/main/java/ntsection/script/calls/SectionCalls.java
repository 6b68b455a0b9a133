package ntsection.script.calls;

import ntsection.mm.SectionBasicInformation;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.nt.Out;
import ntsection.ob.ObjectAttributes;
import ntsection.script.Arguments;
import ntsection.script.Call;
import ntsection.script.CallTable;
import ntsection.script.Reply;

import static ntsection.mm.SectionInformationClass.SECTION_BASIC_INFORMATION_SIZE;
import static ntsection.script.ArgumentKind.HANDLE;
import static ntsection.script.ArgumentKind.NUMBER;
import static ntsection.script.OutputFormat.DECIMAL;
import static ntsection.script.OutputFormat.HEX;

/**
 * Section objects: create, open and query. Arguments beyond SCRIPT.md's table:
 * <ul>
 * <li>All four create and open calls take {@code root} (OBJECT_ATTRIBUTES.RootDirectory)
 *     and {@code objectattributes}: 0 or null passes a NULL POBJECT_ATTRIBUTES, and then
 *     name, root and attributes are not read.</li>
 * <li>NtCreateSection/ZwCreateSection take {@code file} (FileHandle, 0 for a
 *     page-file-backed section). Leaving {@code size} out passes a NULL MaximumSize;
 *     a written size, null included, is passed by reference.</li>
 * <li>NtQuerySection/ZwQuerySection take {@code class} (SectionBasicInformation unless
 *     given), {@code length} (the buffer's size, sizeof(SECTION_BASIC_INFORMATION)
 *     unless given) and {@code buffer} (0 or null passes a NULL buffer; any other
 *     value a writable one), and add the outputs {@code base} (BaseAddress) and
 *     {@code returnlength}.</li>
 * </ul>
 * ZwQuerySection is an addition too: the kernel-mode query, with its access check skipped.
 */
public final class SectionCalls {
    private SectionCalls() {
    }

    public static void register(CallTable table) {
        table.add(create("NtCreateSection").invokes((system, a) -> {
            LongOut handle = new LongOut();
            NtStatus status = system.nt().ntCreateSection(handle, a.int32("access"), objectAttributes(a),
                    maximumSize(a), a.int32("protect"), a.int32("allocation"), a.number("file"));
            return Reply.of(status, handle.value);
        }));
        table.add(create("ZwCreateSection").invokes((system, a) -> {
            LongOut handle = new LongOut();
            NtStatus status = system.zw().zwCreateSection(handle, a.int32("access"), objectAttributes(a),
                    maximumSize(a), a.int32("protect"), a.int32("allocation"), a.number("file"));
            return Reply.of(status, handle.value);
        }));
        table.add(open("NtOpenSection").invokes((system, a) -> {
            LongOut handle = new LongOut();
            return Reply.of(system.nt().ntOpenSection(handle, a.int32("access"), objectAttributes(a)), handle.value);
        }));
        table.add(open("ZwOpenSection").invokes((system, a) -> {
            LongOut handle = new LongOut();
            return Reply.of(system.zw().zwOpenSection(handle, a.int32("access"), objectAttributes(a)), handle.value);
        }));
        table.add(query("NtQuerySection").invokes((system, a) -> {
            Out<SectionBasicInformation> information = buffer(a);
            LongOut returnLength = new LongOut();
            NtStatus status = system.nt().ntQuerySection(a.number("section"), a.int32("class"), information,
                    a.number("length"), returnLength);
            return basic(status, information, returnLength);
        }));
        table.add(query("ZwQuerySection").invokes((system, a) -> {
            Out<SectionBasicInformation> information = buffer(a);
            LongOut returnLength = new LongOut();
            NtStatus status = system.zw().zwQuerySection(a.number("section"), a.int32("class"), information,
                    a.number("length"), returnLength);
            return basic(status, information, returnLength);
        }));
    }

    private static Call.Builder create(String name) {
        return Call.service(name)
                .parameter("access", NUMBER)
                .objectAttributes()
                .parameter("objectattributes", NUMBER, "1")
                .parameter("size", NUMBER)
                .parameter("protect", NUMBER)
                .parameter("allocation", NUMBER)
                .parameter("file", HANDLE)
                .output("handle", HEX);
    }

    private static Call.Builder open(String name) {
        return Call.service(name)
                .parameter("access", NUMBER)
                .objectAttributes()
                .parameter("objectattributes", NUMBER, "1")
                .output("handle", HEX);
    }

    private static Call.Builder query(String name) {
        return Call.service(name)
                .parameter("section", HANDLE)
                .parameter("class", NUMBER, "SectionBasicInformation")
                .parameter("length", NUMBER, Integer.toString(SECTION_BASIC_INFORMATION_SIZE))
                .parameter("buffer", NUMBER, "1")
                .output("size", HEX)
                .output("attributes", HEX)
                .output("base", HEX)
                .output("returnlength", DECIMAL);
    }

    private static ObjectAttributes objectAttributes(Arguments a) {
        return a.number("objectattributes") == 0 ? null : a.objectAttributes();
    }

    /** MaximumSize is a pointer in NT: an omitted size is a NULL pointer, not a pointer to 0. */
    private static Long maximumSize(Arguments a) {
        return a.given("size") ? a.number("size") : null;
    }

    private static Out<SectionBasicInformation> buffer(Arguments a) {
        return a.number("buffer") == 0 ? null : new Out<>();
    }

    private static Reply basic(NtStatus status, Out<SectionBasicInformation> information, LongOut returnLength) {
        SectionBasicInformation info = information == null ? null : information.value;
        if (info == null) return Reply.of(status, 0L, 0L, 0L, returnLength.value);
        return Reply.of(status, info.size(), Reply.unsigned(info.attributes()), info.baseAddress(), returnLength.value);
    }
}
