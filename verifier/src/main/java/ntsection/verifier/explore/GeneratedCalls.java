package ntsection.verifier.explore;

import ntsection.drivers.demo.Attack;
import ntsection.drivers.demo.Stage;
import ntsection.drivers.demo.Target;
import ntsection.ke.NtException;
import ntsection.user.UserProgram;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A generated program against any driver, from a seed: one thread sends a sequence of
 * requests (control codes the driver answers, inputs built from values that matter to a
 * section driver, the replies of earlier requests fed back in), while a second thread
 * of the same process meddles with whatever the driver puts there. The program is a
 * pure function of the seed and the codes, so a finding's seed regenerates it, and a
 * shrunk finding keeps only some of its requests.
 */
public final class GeneratedCalls implements Attack {
    public static final String NAME = "generated";
    /** The seed of the sequence that stands in for an honest client of a driver ntsection does not know. */
    static final long HONEST_SEED = 0;
    private static final int MAX_REQUESTS = 6;
    private static final int MAX_MEDDLING = 4;
    private static final int ROUNDS = 3;

    private final List<Request> requests;
    private final List<Integer> kept;
    private final List<Meddling> meddling;

    public GeneratedCalls(List<Integer> codes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int count = 1 + random.nextInt(MAX_REQUESTS);
        List<Request> planned = new ArrayList<>(count);
        for (int i = 0; i < count; i++) planned.add(Request.random(random, codes, i));
        List<Meddling> steps = new ArrayList<>();
        Meddling[] kinds = Meddling.values();
        for (int i = 1 + random.nextInt(MAX_MEDDLING); i > 0; i--) steps.add(kinds[random.nextInt(kinds.length)]);
        this.requests = List.copyOf(planned);
        this.meddling = List.copyOf(steps);
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < count; i++) all.add(i);
        this.kept = List.copyOf(all);
    }

    private GeneratedCalls(List<Request> requests, List<Integer> kept, List<Meddling> meddling) {
        this.requests = requests;
        this.kept = List.copyOf(kept);
        this.meddling = meddling;
    }

    /** The same program sending only the requests at {@code indexes} (ascending); replies keep their numbers. */
    public GeneratedCalls keeping(List<Integer> indexes) {
        for (int index : indexes) {
            if (index < 0 || index >= requests.size()) {
                throw new IllegalArgumentException("request " + index + " of " + requests.size());
            }
        }
        return new GeneratedCalls(requests, indexes, meddling);
    }

    /** The indexes of the requests it sends. */
    public List<Integer> kept() {
        return kept;
    }

    /** The requests it sends, then what the meddling thread does, as a finding lists them. */
    public List<String> calls() {
        List<String> calls = new ArrayList<>();
        for (int index : kept) calls.add("#" + index + " " + requests.get(index).describe());
        List<String> summaries = meddling.stream().map(Meddling::summary).toList();
        calls.add("meddler, " + ROUNDS + " rounds: " + String.join("; ", summaries));
        return calls;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "a generated sequence of requests, with a second thread meddling with the driver's handles and views";
    }

    @Override
    public boolean aims(Target target) {
        return true;
    }

    @Override
    public void stage(Stage stage) {
        String device = stage.target().device();
        long ready = stage.event();
        CallerState[] shared = new CallerState[1];
        stage.attack(user -> {
            shared[0] = new CallerState(user, requests.size());
            boolean open = shared[0].setUp(device);
            user.nt().ntSetEvent(ready, null);
            if (open) send(shared[0]);
        });
        stage.attack(user -> {
            user.waitFor(ready);
            for (int round = 0; round < ROUNDS; round++) {
                for (Meddling step : meddling) step.run(user, shared[0], round);
            }
        });
    }

    /** The requests alone, on a device the program opens itself: an honest client's stand-in. */
    UserProgram caller(String device) {
        return user -> {
            CallerState state = new CallerState(user, requests.size());
            if (state.setUp(device)) send(state);
        };
    }

    private void send(CallerState state) {
        for (int index : kept) {
            try {
                state.send(index, requests.get(index));
            } catch (NtException fault) {
                // Writing the input faulted in user mode (a read-only or kernel buffer): the next request.
            }
        }
        state.close();
    }
}
