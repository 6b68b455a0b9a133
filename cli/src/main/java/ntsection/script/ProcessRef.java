package ntsection.script;

/** A process named in an argument; the parameter decides whether it means a handle or a client id. */
record ProcessRef(String name) {
}
