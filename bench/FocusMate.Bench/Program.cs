using FocusMate.Bench;

// FocusMate load generator: see bench/README.md.
return await Commands.RunAsync(args);
