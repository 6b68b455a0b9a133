package ntsection.ob;

import java.util.LinkedHashMap;
import java.util.Map;

import static ntsection.ob.Access.*;

/**
 * The object types of one executive. Values are those ReactOS's ObTypes kmtest asserts
 * on Windows Server 2003 (generic mapping, valid access mask with SYNCHRONIZE where the
 * type uses the default wait object, invalid attributes, case rule).
 */
public final class ObjectTypes {
    private final ObjectType type;
    private final ObjectType directory;
    private final ObjectType symbolicLink;
    private final ObjectType process;
    private final ObjectType thread;
    private final ObjectType section;
    private final ObjectType device;
    private final ObjectType driver;
    private final ObjectType file;
    private final ObjectType event;
    private final ObjectType mutant;
    private final Map<String, ObjectType> byWdkName = new LinkedHashMap<>();

    ObjectTypes() {
        GenericMapping fileMapping = new GenericMapping(0x120089, 0x120116, 0x1200A0, 0x1F01FF);
        type = new ObjectType(null, "Type", new GenericMapping(0x20000, 0x20000, 0x20000, 0xF0001), 0x1F0001, 0x100, false);
        directory = make("Directory", new GenericMapping(0x20003, 0x2000C, 0x20003, 0xF000F), 0xF000F, 0x100, true);
        symbolicLink = make("SymbolicLink", new GenericMapping(0x20001, 0x20000, 0x20001, 0xF0001), 0xF0001, 0x100, true);
        process = make("Process", new GenericMapping(0x20410, 0x20BEB, 0x120000, 0x1F0FFF), 0x1F0FFF, 0xB0, false);
        thread = make("Thread", new GenericMapping(0x20048, 0x20037, 0x120000, 0x1F03FF), 0x1F03FF, 0xB0, false);
        section = make("Section", new GenericMapping(0x20005, 0x20002, 0x20008, 0xF001F), 0x1F001F, 0x100, false);
        device = make("Device", fileMapping, 0x1F01FF, 0x100, true);
        driver = make("Driver", fileMapping, 0x1F01FF, 0x100, true);
        file = make("File", fileMapping, 0x1F01FF, 0x130, true);
        event = make("Event", new GenericMapping(0x20001, 0x20002, 0x120000, 0x1F0003), 0x1F0003, 0x100, false);
        mutant = make("Mutant", new GenericMapping(0x20001, 0x20000, 0x120000, 0x1F0001), 0x1F0001, 0x100, false);
        byWdkName.put("ObTypeObjectType", type);
        byWdkName.put("ObDirectoryObjectType", directory);
        byWdkName.put("ObSymbolicLinkObjectType", symbolicLink);
        byWdkName.put("PsProcessType", process);
        byWdkName.put("PsThreadType", thread);
        byWdkName.put("MmSectionObjectType", section);
        byWdkName.put("IoDeviceObjectType", device);
        byWdkName.put("IoDriverObjectType", driver);
        byWdkName.put("IoFileObjectType", file);
        byWdkName.put("ExEventObjectType", event);
        byWdkName.put("ExMutantObjectType", mutant);
    }

    private ObjectType make(String name, GenericMapping mapping, int valid, int invalidAttributes, boolean caseInsensitive) {
        return new ObjectType(type, name, mapping, valid, invalidAttributes, caseInsensitive);
    }

    public ObjectType type() { return type; }
    public ObjectType directory() { return directory; }
    public ObjectType symbolicLink() { return symbolicLink; }
    public ObjectType process() { return process; }
    public ObjectType thread() { return thread; }
    public ObjectType section() { return section; }
    public ObjectType device() { return device; }
    public ObjectType driver() { return driver; }
    public ObjectType file() { return file; }
    public ObjectType event() { return event; }
    public ObjectType mutant() { return mutant; }

    /** A type by the name the WDK gives its global (MmSectionObjectType, PsProcessType ...), or null. */
    public ObjectType byWdkName(String name) {
        return byWdkName.get(name);
    }

    public Map<String, ObjectType> all() {
        return Map.copyOf(byWdkName);
    }
}
