//! The binary's allocator on glibc Linux: mimalloc defines `malloc`, `free` and the rest
//! (its `override` feature), and Rust's default allocator calls them (`main.rs` says why).
//! Dropping the feature, or the `use` that links the crate, would leave those symbols to the
//! C library and the binary on glibc's allocator (16 % of a distinct catalog's instructions
//! where mimalloc takes 6 %) with every output unchanged; this test is what notices.
//!
//! The test reads the binary's dynamic symbol table (ELF `SHT_DYNSYM`): a symbol the binary
//! defines has a section index, one it takes from a shared library has none.

#![cfg(all(target_os = "linux", target_env = "gnu", target_pointer_width = "64"))]

/// Section type of the dynamic symbol table.
const SHT_DYNSYM: u32 = 11;

#[test]
fn the_binary_defines_the_c_allocator_functions() {
    let path = env!("CARGO_BIN_EXE_inci");
    let elf = std::fs::read(path).unwrap_or_else(|e| panic!("reading {path}: {e}"));
    let symbols = dynamic_symbols(&elf).unwrap_or_else(|| panic!("{path}: no dynamic symbols"));
    for name in ["malloc", "free", "realloc", "calloc", "posix_memalign"] {
        let defined = symbols.iter().any(|(n, def)| n == name && *def);
        assert!(
            defined,
            "{path} does not define `{name}`: mimalloc is not its allocator"
        );
    }
}

#[test]
fn a_symbol_taken_from_the_c_library_reads_as_undefined() {
    // The reader itself: `write` is the C library's in every dynamically linked binary.
    let path = env!("CARGO_BIN_EXE_inci");
    let elf = std::fs::read(path).unwrap_or_else(|e| panic!("reading {path}: {e}"));
    let symbols = dynamic_symbols(&elf).unwrap_or_else(|| panic!("{path}: no dynamic symbols"));
    assert!(
        symbols.iter().any(|(n, def)| n == "write" && !*def),
        "{symbols:?}"
    );
}

/// The names in a 64-bit little-endian ELF file's dynamic symbol table, each with whether
/// the file defines it; `None` for a file that is not one or has no such table.
fn dynamic_symbols(elf: &[u8]) -> Option<Vec<(String, bool)>> {
    if elf.get(..6)? != b"\x7fELF\x02\x01" {
        return None;
    }
    let shoff = usize::try_from(u64_at(elf, 0x28)?).ok()?;
    let shentsize = usize::from(u16_at(elf, 0x3a)?);
    let shnum = usize::from(u16_at(elf, 0x3c)?);
    let section = |i: usize| elf.get(shoff + i * shentsize..shoff + (i + 1) * shentsize);
    let (dynsym, strtab) = (0..shnum).find_map(|i| {
        let sh = section(i)?;
        if u32_at(sh, 4)? != SHT_DYNSYM {
            return None;
        }
        let link = usize::try_from(u32_at(sh, 0x28)?).ok()?;
        Some((sh, section(link)?))
    })?;
    let bytes_of = |sh: &[u8]| {
        let offset = usize::try_from(u64_at(sh, 0x18)?).ok()?;
        let size = usize::try_from(u64_at(sh, 0x20)?).ok()?;
        elf.get(offset..offset.checked_add(size)?)
    };
    let (symbols, strings) = (bytes_of(dynsym)?, bytes_of(strtab)?);
    symbols
        .chunks_exact(24)
        .map(|sym| {
            let name_at = usize::try_from(u32_at(sym, 0)?).ok()?;
            let name = strings.get(name_at..)?;
            let end = name.iter().position(|&b| b == 0)?;
            let name = String::from_utf8_lossy(&name[..end]).into_owned();
            Some((name, u16_at(sym, 6)? != 0))
        })
        .collect()
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(*b.get(at..)?.first_chunk()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(*b.get(at..)?.first_chunk()?))
}

fn u64_at(b: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(*b.get(at..)?.first_chunk()?))
}
