namespace Edition.Cli.Commands;

public static class BenchCommand
{
    public static int Run(string[] args, TextWriter log)
    {
        throw new UsageException("bench: not yet");
    }
}
