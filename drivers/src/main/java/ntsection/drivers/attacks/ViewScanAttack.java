package ntsection.drivers.attacks;

import ntsection.drivers.demo.Attack;
import ntsection.drivers.demo.Stage;
import ntsection.drivers.demo.Target;
import ntsection.mm.MemoryBasicInformation;
import ntsection.nt.Out;

import static ntsection.mm.PageProtection.MEM_MAPPED;
import static ntsection.mm.PageProtection.PAGE_NOACCESS;
import static ntsection.mm.VirtualMemoryServices.MemoryBasicInformation;
import static ntsection.ob.Handles.NtCurrentProcess;

/**
 * Uses the driver honestly, then walks its own address space region by region and reads
 * the start of every mapped view in it. A view the driver mapped into the caller for its
 * own use is found this way (SV2).
 */
public final class ViewScanAttack implements Attack {
    @Override
    public String name() {
        return "view-scan";
    }

    @Override
    public String summary() {
        return "walk the process's own address space and read every mapped view";
    }

    @Override
    public boolean aims(Target target) {
        return true;
    }

    @Override
    public void stage(Stage stage) {
        Target target = stage.target();
        stage.attack(user -> {
            target.session().run(user);
            long address = 0;
            while (true) {
                Out<MemoryBasicInformation> region = new Out<>();
                if (!user.nt().ntQueryVirtualMemory(NtCurrentProcess, address, MemoryBasicInformation, region).isSuccess()) {
                    return;
                }
                MemoryBasicInformation information = region.value;
                if (information.type() == MEM_MAPPED && information.protect() != PAGE_NOACCESS) {
                    user.read(information.baseAddress(), SectionReader.READ);
                }
                address = information.baseAddress() + information.regionSize();
            }
        });
    }
}
