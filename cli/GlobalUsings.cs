// What nearly every command uses: option attributes (Description, DefaultValue), Spectre's commands and output, invariant formats, the option checks.
global using System.ComponentModel;
global using System.Globalization;
global using Spectre.Console;
global using Spectre.Console.Cli;
global using Toolkit.Pipelines.Options;
