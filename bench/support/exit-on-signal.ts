/**
 * Preloaded into a service started with --cpu-prof: SIGUSR2 ends it through process.exit, which
 * writes the profile (a SIGTERM would end it by the signal, and the profile would be lost).
 */
process.on('SIGUSR2', () => process.exit(0));
