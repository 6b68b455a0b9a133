package ntsection.drivers.keystore;

import ntsection.Executive;
import ntsection.drivers.SystemWorkerCall;
import ntsection.io.DeviceObject;
import ntsection.io.Driver;
import ntsection.io.DriverObject;
import ntsection.io.IoManager;
import ntsection.io.IoStackLocation;
import ntsection.io.Irp;
import ntsection.nt.LongOut;
import ntsection.nt.NtStatus;
import ntsection.nt.Out;
import ntsection.nt.Zw;
import ntsection.ob.ObjectAttributes;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;

import static ntsection.drivers.Irps.FILE_OPENED;
import static ntsection.drivers.Irps.complete;
import static ntsection.drivers.keystore.KernelOnlyIoctl.*;
import static ntsection.io.DeviceFlags.DO_BUFFERED_IO;
import static ntsection.io.DeviceFlags.FILE_DEVICE_UNKNOWN;
import static ntsection.io.IrpMajor.*;
import static ntsection.ke.ProcessorMode.KernelMode;
import static ntsection.mm.PageProtection.*;
import static ntsection.nt.NtStatus.*;
import static ntsection.ob.Attributes.OBJ_KERNEL_HANDLE;
import static ntsection.ps.ProcessAccess.PROCESS_VM_OPERATION;

/**
 * Protocol 1, a section no user process may see: a key store that signs messages
 * with a secret kept in a section's pages, and checks signatures. The section handle
 * is a kernel handle (OBJ_KERNEL_HANDLE), and the view is mapped by a system worker
 * thread, so it lies in the System process and in no client's address space. Requests
 * arrive by buffered I/O; the secret is read only on the worker, and only the tag
 * leaves the driver.
 */
public class KernelOnlyDriver implements Driver {
    public static final String SERVICE_NAME = "kernel-only";
    public static final String DEVICE_NAME = "\\Device\\KeyStore";
    public static final int SECRET_LENGTH = 32;
    private static final long SECTION_SIZE = 4096;

    protected Executive system;
    private IoManager io;
    private Zw zw;

    @Override
    public NtStatus driverEntry(Executive system, DriverObject driverObject, String registryPath) {
        this.system = system;
        this.io = system.io();
        this.zw = system.zw();
        KeyStoreExtension extension = new KeyStoreExtension();
        Out<DeviceObject> device = new Out<>();
        NtStatus status = io.ioCreateDevice(driverObject, extension, DEVICE_NAME, FILE_DEVICE_UNKNOWN, 0, false, device);
        if (!status.isSuccess()) return status;
        device.value.Flags |= DO_BUFFERED_IO;
        status = openSystemProcess(extension);
        if (status.isSuccess()) status = installSecret(extension);
        if (!status.isSuccess()) {
            if (extension.systemProcessHandle != 0) zw.zwClose(extension.systemProcessHandle);
            io.ioDeleteDevice(device.value);
            return status;
        }
        driverObject.MajorFunction[IRP_MJ_CREATE] = this::createClose;
        driverObject.MajorFunction[IRP_MJ_CLOSE] = this::createClose;
        driverObject.MajorFunction[IRP_MJ_DEVICE_CONTROL] = this::deviceControl;
        driverObject.DriverUnload = this::unload;
        return STATUS_SUCCESS;
    }

    /** A kernel handle to the System process, usable from any thread to map into and unmap from it. */
    private NtStatus openSystemProcess(KeyStoreExtension extension) {
        LongOut systemProcess = new LongOut();
        NtStatus status = system.ob().obOpenObjectByPointer(system.systemProcess(), OBJ_KERNEL_HANDLE,
                PROCESS_VM_OPERATION, system.ob().types().process(), KernelMode, systemProcess);
        if (status.isSuccess()) extension.systemProcessHandle = systemProcess.value;
        return status;
    }

    /** At load, on the system worker: a kernel handle and a view in the System process. */
    protected NtStatus installSecret(KeyStoreExtension extension) {
        return SystemWorkerCall.run(system, () -> {
            NtStatus status = createSecret(extension, OBJ_KERNEL_HANDLE, extension.systemProcessHandle);
            if (status.isSuccess()) fillSecret(extension);
            return status;
        });
    }

    /** Creates the section with the given handle attributes in the current process's context and maps it into {@code process}. */
    protected final NtStatus createSecret(KeyStoreExtension extension, int handleAttributes, long process) {
        LongOut section = new LongOut();
        NtStatus status = zw.zwCreateSection(section, SECTION_MAP_READ | SECTION_MAP_WRITE,
                ObjectAttributes.unnamed(handleAttributes), SECTION_SIZE, PAGE_READWRITE, SEC_COMMIT, 0);
        if (!status.isSuccess()) return status;
        LongOut base = new LongOut();
        status = zw.zwMapViewOfSection(section.value, process, base, 0, 0, null, new LongOut(), ViewUnmap, 0,
                PAGE_READWRITE);
        if (!status.isSuccess()) {
            zw.zwClose(section.value);
            return status;
        }
        extension.sectionHandle = section.value;
        extension.secretView = base.value;
        return STATUS_SUCCESS;
    }

    /** A fresh secret into the view; called in the context of the process the view is mapped in. */
    protected final void fillSecret(KeyStoreExtension extension) {
        byte[] secret = new byte[SECRET_LENGTH];
        system.bCryptGenRandom(secret);
        system.mm().access().write(extension.secretView, secret);
        Arrays.fill(secret, (byte) 0);
    }

    private NtStatus createClose(DeviceObject device, Irp irp) {
        return complete(io, irp, STATUS_SUCCESS, IoManager.ioGetCurrentIrpStackLocation(irp).MajorFunction == IRP_MJ_CREATE
                ? FILE_OPENED : 0);
    }

    private NtStatus deviceControl(DeviceObject device, Irp irp) {
        IoStackLocation.DeviceIoControl parameters = IoManager.ioGetCurrentIrpStackLocation(irp).Parameters.DeviceIoControl;
        KeyStoreExtension extension = device.extension(KeyStoreExtension.class);
        int in = parameters.InputBufferLength;
        int out = parameters.OutputBufferLength;
        MemorySegment buffer = irp.AssociatedIrp.SystemBuffer;
        return switch (parameters.IoControlCode) {
            case IOCTL_KEYSTORE_SIGN -> {
                if (in < 1 || in > MAX_MESSAGE) yield complete(io, irp, STATUS_INVALID_PARAMETER, 0);
                if (out < TAG_LENGTH) yield complete(io, irp, STATUS_BUFFER_TOO_SMALL, 0);
                byte[] tag = tag(extension, bytes(buffer, 0, in));
                if (tag == null) yield complete(io, irp, STATUS_INSUFFICIENT_RESOURCES, 0);
                MemorySegment.copy(MemorySegment.ofArray(tag), 0, buffer, 0, TAG_LENGTH);
                yield complete(io, irp, STATUS_SUCCESS, TAG_LENGTH);
            }
            case IOCTL_KEYSTORE_VERIFY -> {
                if (in <= TAG_LENGTH || in > TAG_LENGTH + MAX_MESSAGE) yield complete(io, irp, STATUS_INVALID_PARAMETER, 0);
                if (out < 1) yield complete(io, irp, STATUS_BUFFER_TOO_SMALL, 0);
                byte[] claimed = bytes(buffer, 0, TAG_LENGTH);
                byte[] expected = tag(extension, bytes(buffer, TAG_LENGTH, in - TAG_LENGTH));
                if (expected == null) yield complete(io, irp, STATUS_INSUFFICIENT_RESOURCES, 0);
                buffer.set(ValueLayout.JAVA_BYTE, 0, (byte) (MessageDigest.isEqual(claimed, expected) ? 1 : 0));
                yield complete(io, irp, STATUS_SUCCESS, 1);
            }
            default -> complete(io, irp, STATUS_INVALID_DEVICE_REQUEST, 0);
        };
    }

    private static byte[] bytes(MemorySegment buffer, long offset, int length) {
        return buffer.asSlice(offset, length).toArray(ValueLayout.JAVA_BYTE);
    }

    /** HMAC-SHA256 under the secret, or null when the secret cannot be had. */
    private byte[] tag(KeyStoreExtension extension, byte[] message) {
        byte[] secret = new byte[SECRET_LENGTH];
        if (!readSecret(extension, secret).isSuccess()) return null;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK ships HmacSHA256", e);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** On a system worker: only there is the view mapped. */
    protected NtStatus readSecret(KeyStoreExtension extension, byte[] into) {
        return SystemWorkerCall.run(system, () -> {
            byte[] secret = system.mm().access().read(extension.secretView, SECRET_LENGTH);
            System.arraycopy(secret, 0, into, 0, SECRET_LENGTH);
            Arrays.fill(secret, (byte) 0);
            return STATUS_SUCCESS;
        });
    }

    /** Through the System process handle, so the unmap reaches the right address space from any thread. */
    private void unload(DriverObject driverObject) {
        for (DeviceObject device : driverObject.devices()) {
            KeyStoreExtension extension = device.extension(KeyStoreExtension.class);
            zw.zwUnmapViewOfSection(extension.systemProcessHandle, extension.secretView);
            zw.zwClose(extension.systemProcessHandle);
            zw.zwClose(extension.sectionHandle);
            io.ioDeleteDevice(device);
        }
    }
}
