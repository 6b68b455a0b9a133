package com.example.outside;

import ntsection.io.DriverPackage;
import ntsection.io.DriverRegistry;

/**
 * Names this jar's driver for ntsection: listed in META-INF/services, so with the jar on
 * the class path {@code --driver outside-counter} finds it.
 */
public final class OutsidePackage implements DriverPackage {
    @Override
    public void register(DriverRegistry registry) {
        registry.register(CounterDriver.SERVICE_NAME, CounterDriver::new);
    }
}
