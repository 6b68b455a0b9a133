package ntsection.drivers.attacks;

import ntsection.drivers.demo.Attack;
import ntsection.drivers.demo.Stage;
import ntsection.drivers.demo.Target;
import ntsection.ex.Event;
import ntsection.nt.LongOut;
import ntsection.ob.ObjectAttributes;
import ntsection.user.UserContext;

import static ntsection.ex.Event.EVENT_ALL_ACCESS;
import static ntsection.ob.Handles.KERNEL_HANDLE_FLAG;

/**
 * Sends every control code with a forged handle value as its input: kernel handle values
 * (the kernel bit and a multiple of four), a handle to an object of another type (an
 * event of its own), and values that mean something only in another process's table.
 * Whatever handle comes back is mapped and read. A driver that references a handle from
 * user mode with kernel access mode hands out the kernel's own sections (SV7).
 */
public final class ForgedHandleAttack implements Attack {
    static final int KERNEL_HANDLES = 24;
    static final int FOREIGN_HANDLES = 8;

    @Override
    public String name() {
        return "forged-handle";
    }

    @Override
    public String summary() {
        return "pass kernel handle values, another type's handle and another process's values as handles";
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
            LongOut event = new LongOut();
            user.nt().ntCreateEvent(event, EVENT_ALL_ACCESS, ObjectAttributes.unnamed(0), Event.NotificationEvent, false);
            for (int code : target.controlCodes()) {
                for (int i = 1; i <= KERNEL_HANDLES; i++) forge(user, device, code, KERNEL_HANDLE_FLAG | (4L * i));
                forge(user, device, code, event.value);
                // The victim's first values: here they name the attacker's own device and event, or nothing.
                for (int i = 1; i <= FOREIGN_HANDLES; i++) forge(user, device, code, 4L * i);
            }
            device.close();
        });
    }

    private static void forge(UserContext user, RawDevice device, int code, long forged) {
        if (!device.sendLong(code, forged).isSuccess()) return;
        long handle = device.replied();
        if (handle != 0 && SectionReader.read(user, handle)) user.nt().ntClose(handle);
    }
}
