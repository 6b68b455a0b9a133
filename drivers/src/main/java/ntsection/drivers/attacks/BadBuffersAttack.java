package ntsection.drivers.attacks;

import ntsection.drivers.demo.Attack;
import ntsection.drivers.demo.Stage;
import ntsection.drivers.demo.Target;
import ntsection.nt.LongOut;

import static ntsection.mm.PageProtection.PAGE_READONLY;
import static ntsection.ob.Handles.NtCurrentProcess;

/**
 * Sends every control code with buffers no honest client would pass: null pointers with
 * lengths, kernel addresses, a misaligned buffer, lengths too short and far too long,
 * and an output buffer on a read-only page. The I/O manager and the driver must turn
 * each into a status.
 */
public final class BadBuffersAttack implements Attack {
    static final long KERNEL_ADDRESS = 0xFFFF_F780_0000_0000L;

    @Override
    public String name() {
        return "bad-buffers";
    }

    @Override
    public String summary() {
        return "null, kernel, misaligned, too short, too long and read-only IOCTL buffers";
    }

    @Override
    public boolean aims(Target target) {
        return true;
    }

    @Override
    public void stage(Stage stage) {
        Target target = stage.target();
        stage.attack(user -> {
            RawDevice device = new RawDevice(user);
            if (!device.open(target.device()).isSuccess()) return;
            long buffer = device.buffer();
            for (int code : target.controlCodes()) {
                device.sendRaw(code, 0, 64, 0, 64);
                device.sendRaw(code, KERNEL_ADDRESS, 64, buffer, 64);
                device.sendRaw(code, buffer, 64, KERNEL_ADDRESS, 64);
                device.sendRaw(code, buffer + 1, 63, buffer + 3, 61);
                device.sendRaw(code, buffer, 1, buffer, 1);
                device.sendRaw(code, buffer, 0x7FFF_FFFF, buffer, 0x7FFF_FFFF);
            }
            // The second page of the buffer made read-only: a driver's reply cannot land there.
            long readOnly = buffer + 4096;
            user.nt().ntProtectVirtualMemory(NtCurrentProcess, new LongOut(readOnly), new LongOut(4096), PAGE_READONLY,
                    new LongOut());
            for (int code : target.controlCodes()) device.sendRaw(code, buffer, 64, readOnly, 64);
            device.close();
        });
    }
}
