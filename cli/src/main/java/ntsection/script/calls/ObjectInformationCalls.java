package ntsection.script.calls;

import ntsection.ob.ObjectHandleFlagInformation;
import ntsection.script.Call;
import ntsection.script.CallTable;
import ntsection.script.Reply;

import static ntsection.script.ArgumentKind.BOOLEAN;
import static ntsection.script.ArgumentKind.HANDLE;
import static ntsection.script.ArgumentKind.NUMBER;

/**
 * NtSetInformationObject and ZwSetInformationObject with ObjectHandleFlagInformation:
 * inherit and protect are the structure's two BOOLEANs, length its size unless given
 * (a wrong one is how a script reaches STATUS_INFO_LENGTH_MISMATCH).
 */
public final class ObjectInformationCalls {
    private ObjectInformationCalls() {
    }

    public static void register(CallTable table) {
        table.add(setInformation("NtSetInformationObject").invokes((system, a) -> Reply.of(system.nt().ntSetInformationObject(
                a.number("handle"), ObjectHandleFlagInformation.CLASS, flags(a.bool("inherit"), a.bool("protect")), a.number("length")))));
        table.add(setInformation("ZwSetInformationObject").invokes((system, a) -> Reply.of(system.zw().zwSetInformationObject(
                a.number("handle"), ObjectHandleFlagInformation.CLASS, flags(a.bool("inherit"), a.bool("protect")), a.number("length")))));
    }

    private static Call.Builder setInformation(String name) {
        return Call.service(name)
                .parameter("handle", HANDLE)
                .parameter("inherit", BOOLEAN)
                .parameter("protect", BOOLEAN)
                .parameter("length", NUMBER, Long.toString(ObjectHandleFlagInformation.SIZE));
    }

    private static ObjectHandleFlagInformation flags(boolean inherit, boolean protect) {
        return new ObjectHandleFlagInformation(inherit, protect);
    }
}
