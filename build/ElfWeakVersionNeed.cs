// MSBuild task: marks one GLIBC/GLIBCXX version need of an ELF64 shared library as weak.
//
// TorchSharp's libLibTorchSharp.so asks for GLIBCXX_3.4.32 only for a symbol nothing calls; Debian 12
// ships GLIBCXX_3.4.30, so the loader refuses the library. A weak version need (VER_FLG_WEAK) lets it load.
// Only build-output copies are patched, never the NuGet cache.
using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public sealed class ElfWeakVersionNeed : Task
{
    private const uint SectionTypeVersionNeed = 0x6ffffffe;
    private const ushort VersionFlagWeak = 0x2;

    [Required] public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();
    [Required] public string Version { get; set; } = "";

    public override bool Execute()
    {
        foreach (var item in Files)
        {
            string path = item.ItemSpec;
            try
            {
                string outcome = Patch(path, Version);
                Log.LogMessage(MessageImportance.Low, $"{path}: {outcome}");
            }
            catch (Exception e) when (e is IOException || e is InvalidDataException)
            {
                Log.LogError($"{path}: cannot mark {Version} weak: {e.Message}");
            }
        }
        return !Log.HasLoggedErrors;
    }

    private static string Patch(string path, string version)
    {
        byte[] elf = File.ReadAllBytes(path);
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            throw new InvalidDataException("not an ELF file");
        if (elf[4] != 2 || elf[5] != 1)
            throw new InvalidDataException("not a little-endian ELF64 file");

        long sectionTable = (long)BitConverter.ToUInt64(elf, 0x28);
        int entrySize = BitConverter.ToUInt16(elf, 0x3A);
        int sectionCount = BitConverter.ToUInt16(elf, 0x3C);

        for (int s = 0; s < sectionCount; s++)
        {
            long header = sectionTable + (long)s * entrySize;
            if (BitConverter.ToUInt32(elf, (int)header + 4) != SectionTypeVersionNeed) continue;

            long offset = (long)BitConverter.ToUInt64(elf, (int)header + 0x18);
            int link = (int)BitConverter.ToUInt32(elf, (int)header + 0x28);
            int needCount = (int)BitConverter.ToUInt32(elf, (int)header + 0x2C);
            long strings = (long)BitConverter.ToUInt64(elf, (int)(sectionTable + (long)link * entrySize) + 0x18);
            return MarkWeak(path, elf, offset, needCount, strings, version);
        }
        return "no version-need section";
    }

    private static string MarkWeak(string path, byte[] elf, long offset, int needCount, long strings, string version)
    {
        long need = offset;
        for (int n = 0; n < needCount; n++)
        {
            int auxCount = BitConverter.ToUInt16(elf, (int)need + 2);
            long aux = need + BitConverter.ToUInt32(elf, (int)need + 8);
            for (int a = 0; a < auxCount; a++)
            {
                string name = ReadString(elf, strings + BitConverter.ToUInt32(elf, (int)aux + 8));
                if (name == version)
                {
                    int flagsAt = (int)aux + 4;
                    ushort flags = BitConverter.ToUInt16(elf, flagsAt);
                    if ((flags & VersionFlagWeak) != 0) return "already weak";
                    BitConverter.GetBytes((ushort)(flags | VersionFlagWeak)).CopyTo(elf, flagsAt);
                    string temporary = path + ".tmp";
                    File.WriteAllBytes(temporary, elf);
                    File.Copy(temporary, path, true);
                    File.Delete(temporary);
                    return "marked weak";
                }
                aux += BitConverter.ToUInt32(elf, (int)aux + 12);
            }
            need += BitConverter.ToUInt32(elf, (int)need + 12);
        }
        return "version not needed";
    }

    private static string ReadString(byte[] elf, long at)
    {
        int end = (int)at;
        while (elf[end] != 0) end++;
        return Encoding.ASCII.GetString(elf, (int)at, end - (int)at);
    }
}
