package ntsection.mm;

import ntsection.ob.KernelObject;
import ntsection.ob.ObjectType;

/**
 * A section object: the handle- and name-bearing object over a control area. Its size
 * is page-rounded for page-file-backed sections; its protection is the one it was
 * created with, which bounds every view; its attributes are the SEC_* flags NtQuerySection
 * reports; a SEC_BASED section has the user address every view of it is mapped at.
 */
public final class Section extends KernelObject {
    private final ControlArea controlArea;
    private final long size;
    private final int protection;
    private final int allocationAttributes;
    private final long baseAddress;

    public Section(ObjectType type, ControlArea controlArea, long size, int protection, int allocationAttributes,
                   long baseAddress) {
        super(type);
        this.controlArea = controlArea;
        this.size = size;
        this.protection = protection;
        this.allocationAttributes = allocationAttributes;
        this.baseAddress = baseAddress;
    }

    public ControlArea controlArea() {
        return controlArea;
    }

    public long size() {
        return size;
    }

    public int protection() {
        return protection;
    }

    public int allocationAttributes() {
        return allocationAttributes;
    }

    /** The address of a SEC_BASED section, 0 for every other section. */
    public long baseAddress() {
        return baseAddress;
    }

    public boolean isBased() {
        return (allocationAttributes & PageProtection.SEC_BASED) != 0;
    }
}
