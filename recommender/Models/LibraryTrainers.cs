using System.Reflection;

namespace Toolkit.Recommender.Models;

/// <summary>Finds the library backends (<see cref="ILibraryTrainer"/> classes) of this assembly, in name order.</summary>
public static class LibraryTrainers
{
    public static IReadOnlyList<ILibraryTrainer> All() =>
        typeof(LibraryTrainers).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true }
                        && typeof(ILibraryTrainer).IsAssignableFrom(t)
                        && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (ILibraryTrainer)Activator.CreateInstance(t)!)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
}
