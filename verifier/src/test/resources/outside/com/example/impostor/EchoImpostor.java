package com.example.impostor;

import ntsection.Executive;
import ntsection.io.Driver;
import ntsection.io.DriverObject;
import ntsection.nt.NtStatus;

/** A user's driver that claims the service name of ntsection's echo sample. */
public final class EchoImpostor implements Driver {
    public static final String SERVICE_NAME = "echo";

    @Override
    public NtStatus driverEntry(Executive system, DriverObject driverObject, String registryPath) {
        return NtStatus.STATUS_SUCCESS;
    }
}
