package ntsection.verifier.explore;

import ntsection.drivers.Catalogue;
import ntsection.drivers.demo.Target;

import java.util.List;

/**
 * What the verifier aims at: a shipped driver's interface as ntsection knows it, or, for
 * a driver it has never seen, the device and control codes a probe finds, with a
 * generated sequence of calls standing in for an honest client.
 */
public final class Discovery {
    private Discovery() {
    }

    public static Target target(Subject subject) {
        var shipped = Catalogue.find(subject.serviceName());
        if (shipped.isPresent() && subject.classpath().isEmpty()) return Target.of(shipped.get());
        ControlCodeProbe.Found found = ControlCodeProbe.probe(subject);
        if (found.codes().isEmpty()) {
            throw new IllegalArgumentException("driver " + subject.serviceName() + "'s device " + found.device()
                    + " answers no control code: there is no request to explore");
        }
        List<Integer> codes = found.codes();
        return new Target(subject.serviceName(), found.device(), codes, null,
                () -> new GeneratedCalls(codes, GeneratedCalls.HONEST_SEED).caller(found.device()));
    }
}
