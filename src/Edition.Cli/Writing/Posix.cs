using System.ComponentModel;
using System.Runtime.InteropServices;

namespace Edition.Cli.Writing;

/// <summary>What kind of thing a path names, without following a symbolic link.</summary>
public enum PathKind { None, Regular, Directory, SymbolicLink, Fifo, CharacterDevice, BlockDevice, Socket }

/// <summary>
/// The two Linux calls the writers need and .NET does not offer: <c>renameat2</c> with <c>RENAME_EXCHANGE</c>
/// (two paths swapped in one step, so an edition is replaced with no moment where none exists) and
/// <c>RENAME_NOREPLACE</c>, and <c>statx</c> for a path's file type (.NET cannot tell a FIFO or a device
/// from a regular file without opening it, and opening a FIFO blocks).
/// </summary>
/// <remarks>
/// <c>statx</c> rather than <c>lstat</c>: its buffer has one layout on every architecture. glibc has both
/// wrappers since 2.28 (Debian 10).
/// </remarks>
public static partial class Posix
{
    private const int AtFdCwd = -100;
    private const uint RenameNoReplace = 1, RenameExchange = 2;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const int Enoent = 2, Enotdir = 20, Einval = 22, Enosys = 38;

    [LibraryImport("libc", EntryPoint = "renameat2", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int RenameAt2(int oldDirFd, string oldPath, int newDirFd, string newPath, uint flags);

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int Statx(int dirFd, string path, int flags, uint mask, byte* buffer);

    /// <summary>Swaps two existing paths in one step. False when the file system cannot (then nothing was done).</summary>
    public static bool TryExchange(string a, string b) => Rename(a, b, RenameExchange);

    /// <summary>Renames <paramref name="from"/> to <paramref name="to"/>, which must not exist. False when the file system cannot.</summary>
    public static bool TryRenameNoReplace(string from, string to) => Rename(from, to, RenameNoReplace);

    private static bool Rename(string from, string to, uint flags)
    {
        if (RenameAt2(AtFdCwd, from, AtFdCwd, to, flags) == 0) return true;
        int errno = Marshal.GetLastPInvokeError();
        if (errno is Einval or Enosys) return false; // this file system (or kernel) has no such rename
        throw new IOException($"{Path.GetFileName(to)}: {new Win32Exception(errno).Message}");
    }

    /// <summary>The kind of thing at <paramref name="path"/> itself (a link is not followed).</summary>
    public static unsafe PathKind Kind(string path)
    {
        // struct statx: stx_mode is the 16-bit field at byte 28; the whole struct is 256 bytes.
        byte* buffer = stackalloc byte[256];
        if (Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxType, buffer) != 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            if (errno is Enoent or Enotdir) return PathKind.None;
            throw new IOException($"{path}: {new Win32Exception(errno).Message}");
        }
        int mode = *(ushort*)(buffer + 28);
        return (mode & 0xF000) switch
        {
            0x8000 => PathKind.Regular,
            0x4000 => PathKind.Directory,
            0xA000 => PathKind.SymbolicLink,
            0x1000 => PathKind.Fifo,
            0x2000 => PathKind.CharacterDevice,
            0x6000 => PathKind.BlockDevice,
            _ => PathKind.Socket,
        };
    }

    /// <summary>The kind in a user's words ("a FIFO", "a character device").</summary>
    public static string Describe(PathKind kind) => kind switch
    {
        PathKind.Regular => "a regular file",
        PathKind.Directory => "a folder",
        PathKind.SymbolicLink => "a symbolic link",
        PathKind.Fifo => "a FIFO (named pipe)",
        PathKind.CharacterDevice => "a character device",
        PathKind.BlockDevice => "a block device",
        PathKind.Socket => "a socket",
        _ => "nothing",
    };
}
