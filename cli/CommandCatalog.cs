using System.Reflection;
using Spectre.Console.Cli.Help;

namespace Toolkit.Cli;

/// <summary>
/// Every command path (<c>train cifar10</c>) with its settings type, recorded while the commands are registered.
/// Spectre.Console.Cli's parse errors name neither the command typed nor a close valid name; with this catalog
/// the error can name the closest command, the closest option of that command, and the type an option expects.
/// </summary>
public sealed class CommandCatalog
{
    private readonly Dictionary<string, Type> _settingsByPath = new(StringComparer.Ordinal);

    /// <summary>A configurator that registers through <paramref name="inner"/> and records what it registers.</summary>
    public IConfigurator Recording(IConfigurator inner) => new Root(inner, this);

    /// <summary>The deepest registered command whose path starts <paramref name="arguments"/>, e.g. "train cifar10".</summary>
    public (string Path, Type Settings)? Find(IReadOnlyList<string> arguments)
    {
        var words = arguments.TakeWhile(a => !a.StartsWith('-')).ToList();
        for (int length = words.Count; length > 0; length--)
        {
            string path = string.Join(' ', words.Take(length));
            if (_settingsByPath.TryGetValue(path, out var settings)) return (path, settings);
        }
        return null;
    }

    /// <summary>The names that may follow <paramref name="parent"/> (empty: the top-level commands and branches).</summary>
    public IReadOnlyList<string> Subcommands(IReadOnlyList<string> parent) =>
        _settingsByPath.Keys
            .Select(path => path.Split(' '))
            .Where(words => words.Length > parent.Count && words.Take(parent.Count).SequenceEqual(parent))
            .Select(words => words[parent.Count])
            .Distinct()
            .ToList();

    /// <summary>The property type behind a long option (e.g. int? for --threads), or null when the settings have no such option.</summary>
    public static Type? OptionType(Type settings, string option) =>
        OptionProperties(settings).FirstOrDefault(p => p.Option.LongNames.Any(n => "--" + n == option)).Property?.PropertyType;

    private void Add(string path, Type commandType)
    {
        var command = commandType.GetInterfaces()
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>));
        if (command is not null) _settingsByPath[path] = command.GetGenericArguments()[0];
    }

    public static IReadOnlyList<string> LongOptions(Type settings) =>
        OptionProperties(settings).SelectMany(p => p.Option.LongNames.Select(n => "--" + n)).Append("--help").Distinct().ToList();

    private static IEnumerable<(PropertyInfo Property, CommandOptionAttribute Option)> OptionProperties(Type settings) =>
        settings.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Option: p.GetCustomAttribute<CommandOptionAttribute>()))
            .Where(p => p.Option is not null)
            .Select(p => (p.Property, p.Option!));

    private static string Join(string prefix, string name) => prefix.Length == 0 ? name : prefix + " " + name;

    private sealed class Root(IConfigurator inner, CommandCatalog catalog) : IConfigurator
    {
        public ICommandAppSettings Settings => inner.Settings;
        public IConfigurator SetHelpProvider(IHelpProvider helpProvider)
        {
            inner.SetHelpProvider(helpProvider);
            return this;
        }

        public IConfigurator SetHelpProvider<T>() where T : IHelpProvider
        {
            inner.SetHelpProvider<T>();
            return this;
        }

        public IConfigurator AddExample(params string[] args)
        {
            inner.AddExample(args);
            return this;
        }

        public ICommandConfigurator AddCommand<TCommand>(string name) where TCommand : class, ICommand
        {
            catalog.Add(name, typeof(TCommand));
            return inner.AddCommand<TCommand>(name);
        }

        public ICommandConfigurator AddDelegate<TSettings>(string name, Func<CommandContext, TSettings, CancellationToken, int> func)
            where TSettings : CommandSettings => inner.AddDelegate(name, func);

        public ICommandConfigurator AddAsyncDelegate<TSettings>(string name, Func<CommandContext, TSettings, CancellationToken, Task<int>> func)
            where TSettings : CommandSettings => inner.AddAsyncDelegate(name, func);

        public IBranchConfigurator AddBranch<TSettings>(string name, Action<IConfigurator<TSettings>> action)
            where TSettings : CommandSettings =>
            inner.AddBranch<TSettings>(name, branch => action(new Branch<TSettings>(branch, catalog, name)));
    }

    private sealed class Branch<TSettings>(IConfigurator<TSettings> inner, CommandCatalog catalog, string path) : IConfigurator<TSettings>
        where TSettings : CommandSettings
    {
        public void SetDescription(string description) => inner.SetDescription(description);
        public void AddExample(params string[] args) => inner.AddExample(args);
        public void HideBranch() => inner.HideBranch();

        public void SetDefaultCommand<TDefaultCommand>() where TDefaultCommand : class, ICommandLimiter<TSettings>
        {
            catalog.Add(path, typeof(TDefaultCommand));
            inner.SetDefaultCommand<TDefaultCommand>();
        }

        public ICommandConfigurator AddCommand<TCommand>(string name) where TCommand : class, ICommandLimiter<TSettings>
        {
            catalog.Add(Join(path, name), typeof(TCommand));
            return inner.AddCommand<TCommand>(name);
        }

        public ICommandConfigurator AddDelegate<TDerivedSettings>(string name, Func<CommandContext, TDerivedSettings, CancellationToken, int> func)
            where TDerivedSettings : TSettings => inner.AddDelegate(name, func);

        public ICommandConfigurator AddAsyncDelegate<TDerivedSettings>(string name, Func<CommandContext, TDerivedSettings, CancellationToken, Task<int>> func)
            where TDerivedSettings : TSettings => inner.AddAsyncDelegate(name, func);

        public IBranchConfigurator AddBranch<TDerivedSettings>(string name, Action<IConfigurator<TDerivedSettings>> action)
            where TDerivedSettings : TSettings =>
            inner.AddBranch<TDerivedSettings>(name, branch => action(new Branch<TDerivedSettings>(branch, catalog, Join(path, name))));
    }
}
