package ntsection.vf;

import ntsection.Executive;
import ntsection.ob.KernelObject;
import ntsection.ps.Process;
import ntsection.ps.Thread;
import ntsection.testing.Systems;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Several watchers as one: each hook reaches every watcher in order; NONE and nesting fold away. */
class HookChainTest {
    private static final class Recorder implements VerifierHooks {
        final String name;
        final List<String> heard;

        Recorder(String name, List<String> heard) {
            this.name = name;
            this.heard = heard;
        }

        @Override
        public void handleInserted(Thread thread, Process owner, long handle, KernelObject object) {
            heard.add(name + " inserted " + handle);
        }

        @Override
        public void userAccess(Thread thread, long address, long length, boolean write) {
            heard.add(name + " access " + length);
        }

        @Override
        public void workItemQueued(Thread thread, Object item) {
            heard.add(name + " queued");
        }
    }

    @Test
    void bothTellsEachWatcherInOrder() {
        List<String> heard = new ArrayList<>();
        VerifierHooks chain = VerifierHooks.both(new Recorder("a", heard), new Recorder("b", heard));
        chain.handleInserted(null, null, 8, null);
        chain.userAccess(null, 0x10000, 4, false);
        chain.workItemQueued(null, new Object());
        chain.viewUnmapped(null, null, 0);
        assertEquals(List.of("a inserted 8", "b inserted 8", "a access 4", "b access 4", "a queued", "b queued"), heard);
    }

    @Test
    void noneAndNestingFoldAway() {
        Recorder only = new Recorder("a", new ArrayList<>());
        assertSame(only, HookChain.of(VerifierHooks.NONE, only, null));
        assertSame(VerifierHooks.NONE, HookChain.of(VerifierHooks.NONE));
        Recorder b = new Recorder("b", new ArrayList<>());
        Recorder c = new Recorder("c", new ArrayList<>());
        HookChain nested = (HookChain) HookChain.of(only, VerifierHooks.both(b, c));
        assertEquals(List.of(only, b, c), nested.watchers());
    }

    @Test
    void installKeepsTheWatchersAlreadyThere() {
        Executive system = Systems.boot();
        Oracles oracles = new Oracles();
        system.kernel().setHooks(oracles);
        RuleChecks checks = RuleChecks.install(system);
        HookChain chain = (HookChain) system.kernel().hooks();
        assertEquals(List.of(oracles, checks), chain.watchers());
    }

    @Test
    void everyHookOfTheInterfaceIsForwarded() throws ReflectiveOperationException {
        for (var method : VerifierHooks.class.getDeclaredMethods()) {
            if (java.lang.reflect.Modifier.isStatic(method.getModifiers())) continue;
            assertEquals(HookChain.class, HookChain.class.getMethod(method.getName(), method.getParameterTypes())
                    .getDeclaringClass(), method.getName() + " is not forwarded");
        }
    }
}
