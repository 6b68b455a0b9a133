package ntsection.mm;

import ntsection.ke.CurrentThread;
import ntsection.ke.ProcessorMode;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.nt.Out;
import ntsection.ob.KernelObject;
import ntsection.ob.ObjectAttributes;
import ntsection.ob.ObjectManager;
import ntsection.vf.VerifierHooks;

import static ntsection.ke.ProcessorMode.KernelMode;
import static ntsection.mm.PageProtection.*;
import static ntsection.mm.SectionInformationClass.SECTION_BASIC_INFORMATION_SIZE;
import static ntsection.mm.SectionInformationClass.SECTION_IMAGE_INFORMATION_SIZE;
import static ntsection.mm.SectionInformationClass.SectionImageInformation;
import static ntsection.nt.NtStatus.*;

/**
 * NtCreateSection, NtOpenSection and NtQuerySection for page-file-backed sections. Each
 * takes the previous mode it runs under; the Nt and Zw surfaces decide that. Creation
 * first decodes every argument without side effects, then takes the commit charge
 * (the one resource that can run out), then creates the object and lets
 * ObInsertObject name it and make its handle.
 */
public final class SectionServices {
    /**
     * The most pages one segment can describe. Model choice: a segment's prototype PTEs
     * (8 bytes a page) come from paged pool, and the model lets one segment have 1 GiB
     * of them, so a 512 GiB SEC_RESERVE section is the largest; the ReactOS apitest's
     * 0x80000000000-byte SEC_RESERVE section is STATUS_INSUFFICIENT_RESOURCES on x64.
     */
    static final long MAXIMUM_SEGMENT_PAGES = 1L << 27;

    private static final int FILE_READ_DATA = 0x1;
    private static final int FILE_WRITE_DATA = 0x2;
    private static final int FILE_EXECUTE = 0x20;

    private final ObjectManager ob;
    private final PhysicalMemory memory;
    private final CommitCharge commitCharge;
    private final BasedSections basedSections;

    SectionServices(ObjectManager ob, PhysicalMemory memory, CommitCharge commitCharge, BasedSections basedSections) {
        this.ob = ob;
        this.memory = memory;
        this.commitCharge = commitCharge;
        this.basedSections = basedSections;
    }

    // ---------------------------------------------------------------- NtCreateSection

    /**
     * NtCreateSection. {@code attributes} null creates an unnamed section;
     * {@code maximumSize} null is a missing MaximumSize; {@code fileHandle} 0 asks for a
     * page-file-backed section. DesiredAccess is not validated: NT grants what the
     * section type allows of it, even 0.
     */
    public NtStatus create(LongOut handle, int desiredAccess, ObjectAttributes attributes, Long maximumSize,
                           int pageProtection, int allocationAttributes, long fileHandle, ProcessorMode mode) {
        if (fileHandle != 0) return createFileBacked(pageProtection, allocationAttributes, fileHandle, mode);
        Out<SectionArguments> decoded = new Out<>();
        NtStatus status = SectionArguments.decodePageFileBacked(maximumSize, pageProtection, allocationAttributes, decoded);
        if (status != STATUS_SUCCESS) return status;
        SectionArguments arguments = decoded.value;
        // NT charges the segment's commit in MmCreateSection and captures OBJECT_ATTRIBUTES
        // after it, in ObCreateObject: a section too large to commit is
        // STATUS_COMMITMENT_LIMIT even when its attributes are also wrong.
        if (arguments.commitsAtCreation()) {
            status = commitCharge.charge(arguments.pages());
            if (status != STATUS_SUCCESS) return status;
        }
        Out<ObjectAttributes> captured = new Out<>();
        status = ob.captureAttributes(attributes == null ? ObjectAttributes.unnamed(0) : attributes, mode, captured);
        if (status != STATUS_SUCCESS) {
            releaseCreationCharge(arguments);
            return status;
        }
        if (arguments.pages() > MAXIMUM_SEGMENT_PAGES) {
            releaseCreationCharge(arguments);
            return STATUS_INSUFFICIENT_RESOURCES;
        }
        long base = 0;
        if ((arguments.attributes() & SEC_BASED) != 0) {
            base = basedSections.allocate(arguments.size());
            if (base == 0) {
                releaseCreationCharge(arguments);
                return STATUS_NO_MEMORY;
            }
        }
        ControlArea controlArea = ControlArea.pageFileBacked(memory, commitCharge, (int) arguments.pages(),
                arguments.commitsAtCreation());
        Section section = ob.obCreateObject(new Section(ob.types().section(), controlArea, arguments.size(),
                arguments.protection(), arguments.attributes(), base));
        VerifierHooks hooks = ob.kernel().hooks();
        if (hooks != VerifierHooks.NONE) hooks.sectionCreated(CurrentThread.get(), section, mode);
        // A failed insert (name collision, bad path) or an OBJ_OPENIF open of an existing
        // section drops the new object, whose deletion gives its charge and base back.
        return ob.obInsertObject(section, captured.value, desiredAccess, mode, handle);
    }

    private void releaseCreationCharge(SectionArguments arguments) {
        if (arguments.commitsAtCreation()) commitCharge.release(arguments.pages());
    }

    /**
     * A section over a file. The model has no file system, so the request ends where
     * NT's would end for a file that cannot back a section: the handle is referenced as
     * a file object with the access the protection needs (an invalid handle and an
     * object of another type fail there), and a file object would be one whose file
     * system keeps no section object pointers: STATUS_INVALID_FILE_FOR_SECTION.
     */
    private NtStatus createFileBacked(int pageProtection, int allocationAttributes, long fileHandle, ProcessorMode mode) {
        NtStatus status = SectionArguments.checkFlags(pageProtection, allocationAttributes);
        if (status != STATUS_SUCCESS) return status;
        status = SectionArguments.checkProtection(pageProtection, allocationAttributes);
        if (status != STATUS_SUCCESS) return status;
        if ((allocationAttributes & SEC_LARGE_PAGES) != 0) return STATUS_INVALID_PARAMETER_6;
        Out<KernelObject> file = new Out<>();
        status = ob.obReferenceObjectByHandle(fileHandle, fileAccessFor(pageProtection), ob.types().file(), mode, file, null);
        if (status != STATUS_SUCCESS) return status;
        ob.obDereferenceObject(file.value);
        return STATUS_INVALID_FILE_FOR_SECTION;
    }

    /** MmMakeFileAccess: the file rights a section of this protection needs. */
    private static int fileAccessFor(int pageProtection) {
        return switch (ProtectionMask.base(pageProtection)) {
            case PAGE_READONLY, PAGE_WRITECOPY -> FILE_READ_DATA;
            case PAGE_EXECUTE -> FILE_EXECUTE;
            case PAGE_EXECUTE_READ, PAGE_EXECUTE_WRITECOPY -> FILE_EXECUTE | FILE_READ_DATA;
            case PAGE_READWRITE -> FILE_WRITE_DATA | FILE_READ_DATA;
            default -> FILE_EXECUTE | FILE_WRITE_DATA | FILE_READ_DATA;
        };
    }

    // ---------------------------------------------------------------- NtOpenSection

    /** NtOpenSection: ObOpenObjectByName with the section type; access is checked only for a user-mode probe. */
    public NtStatus open(LongOut handle, int desiredAccess, ObjectAttributes attributes, ProcessorMode mode) {
        if (attributes == null) return STATUS_INVALID_PARAMETER;
        Out<ObjectAttributes> captured = new Out<>();
        NtStatus status = ob.captureAttributes(attributes, mode, captured);
        if (status != STATUS_SUCCESS) return status;
        return ob.obOpenObjectByName(captured.value, ob.types().section(), mode, desiredAccess, handle);
    }

    // ---------------------------------------------------------------- NtQuerySection

    /**
     * NtQuerySection. The caller's buffer is {@code information} (null: a NULL buffer)
     * of {@code length} bytes; {@code returnLength} may be null. Order: a user-mode
     * buffer is probed, then the class and the length are checked, then the handle is
     * referenced for SECTION_QUERY.
     *
     * UNCERTAIN (Wine returns STATUS_NOT_IMPLEMENTED, Windows probably does not): every
     * class other than SectionBasicInformation and SectionImageInformation is
     * STATUS_INVALID_INFO_CLASS, as NT's own class check returns for a class it does not
     * know. No section of the model is an image, so SectionImageInformation always ends
     * in STATUS_SECTION_NOT_IMAGE.
     */
    public NtStatus query(long handle, int informationClass, Out<SectionBasicInformation> information, long length,
                          LongOut returnLength, ProcessorMode mode) {
        if (mode != KernelMode && (information == null || !fitsInUserSpace(length))) return STATUS_ACCESS_VIOLATION;
        NtStatus status = checkInformationClass(informationClass, length);
        if (status != STATUS_SUCCESS) return status;
        Out<Section> section = new Out<>();
        status = referenceSection(handle, SECTION_QUERY, mode, section);
        if (status != STATUS_SUCCESS) return status;
        Section target = section.value;
        ob.obDereferenceObject(target);
        if (informationClass == SectionImageInformation) return STATUS_SECTION_NOT_IMAGE;
        // The write happens inside the service's own try/except, which turns a bad kernel buffer into the status.
        if (information == null) return STATUS_ACCESS_VIOLATION;
        information.value = new SectionBasicInformation(target.baseAddress(), target.allocationAttributes(), target.size());
        if (returnLength != null) returnLength.value = SECTION_BASIC_INFORMATION_SIZE;
        return STATUS_SUCCESS;
    }

    /**
     * ProbeForWrite of a user buffer: a length that would run past the user range (a
     * SIZE_T near 2^64, say) faults, so Windows returns STATUS_ACCESS_VIOLATION for it.
     */
    private static boolean fitsInUserSpace(long length) {
        return Long.compareUnsigned(length, AddressLimits.MM_USER_PROBE_ADDRESS) < 0;
    }

    private static NtStatus checkInformationClass(int informationClass, long length) {
        return switch (informationClass) {
            case SectionInformationClass.SectionBasicInformation ->
                    Long.compareUnsigned(length, SECTION_BASIC_INFORMATION_SIZE) < 0 ? STATUS_INFO_LENGTH_MISMATCH : STATUS_SUCCESS;
            case SectionImageInformation ->
                    Long.compareUnsigned(length, SECTION_IMAGE_INFORMATION_SIZE) < 0 ? STATUS_INFO_LENGTH_MISMATCH : STATUS_SUCCESS;
            default -> STATUS_INVALID_INFO_CLASS;
        };
    }

    // ---------------------------------------------------------------- for views

    /**
     * ObReferenceObjectByHandle with the section type: what NtMapViewOfSection does
     * first. On success the caller holds a pointer reference and must drop it.
     */
    public NtStatus referenceSection(long handle, int desiredAccess, ProcessorMode mode, Out<Section> section) {
        Out<KernelObject> object = new Out<>();
        NtStatus status = ob.obReferenceObjectByHandle(handle, desiredAccess, ob.types().section(), mode, object, null);
        if (status == STATUS_SUCCESS) section.value = (Section) object.value;
        return status;
    }
}
