// The suites start whole deployments (API processes, nginx, Redis) on a small machine: one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
