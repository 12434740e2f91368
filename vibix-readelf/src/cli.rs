//! Command-line options (readelf's spellings).

#[derive(Default, Clone, Debug)]
pub struct Opts {
    pub header: bool,
    pub segments: bool,
    pub sections: bool,
    pub syms: bool,
    pub dyn_syms: bool,
    pub relocs: bool,
    pub dynamic: bool,
    pub versions: bool,
    pub notes: bool,
    pub wide: bool,
    /// -a also prints section groups, unwind info and hash histograms.
    pub all: bool,
    pub bindings: bool,
    pub audit: bool,
    /// `--ldso PATH`: ld-vibix for --bindings (default: the program's PT_INTERP).
    pub ldso: Option<String>,
    pub help: bool,
    pub version: bool,
    pub files: Vec<String>,
}

pub const USAGE: &str = "Usage: vibix-readelf <option(s)> elf-file(s)
 Display information about the contents of ELF format files
 Options are:
  -a --all               Equivalent to: -h -l -S -s -r -d -V -n
  -h --file-header       Display the ELF file header
  -l --program-headers   Display the program headers
     --segments          An alias for --program-headers
  -S --section-headers   Display the sections' header
     --sections          An alias for --section-headers
  -e --headers           Equivalent to: -h -l -S
  -s --syms              Display the symbol table
     --symbols           An alias for --syms
     --dyn-syms          Display the dynamic symbol table
  -n --notes             Display the core notes (if present)
  -r --relocs            Display the relocations (if present)
  -d --dynamic           Display the dynamic section (if present)
  -V --version-info      Display the version sections (if present)
  -W --wide              Allow output width to exceed 80 characters
     --bindings          For every dynamic relocation of the program and its libraries,
                         the object and symbol version ld-vibix binds it to
     --ldso PATH         ld-vibix.so.1 to assume for --bindings (default: PT_INTERP)
     --audit             Check W^X, RELRO coverage, TEXTREL, exec stack, BIND_NOW, TLS;
                         exit status 2 when a check fails
  -H --help              Display this information
  -v --version           Display the version number of vibix-readelf
";

pub fn parse(args: &[String]) -> Result<Opts, String> {
    let mut o = Opts::default();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--all" => o.set_all(),
            "--file-header" => o.header = true,
            "--program-headers" | "--segments" => o.segments = true,
            "--section-headers" | "--sections" => o.sections = true,
            "--headers" => (o.header, o.segments, o.sections) = (true, true, true),
            "--syms" | "--symbols" => o.syms = true,
            "--dyn-syms" => o.dyn_syms = true,
            "--notes" => o.notes = true,
            "--relocs" => o.relocs = true,
            "--dynamic" => o.dynamic = true,
            "--version-info" => o.versions = true,
            "--wide" => o.wide = true,
            "--bindings" => o.bindings = true,
            "--audit" => o.audit = true,
            "--help" => o.help = true,
            "--version" => o.version = true,
            "--ldso" => o.ldso = Some(it.next().ok_or("--ldso needs a path")?.clone()),
            s if s.starts_with("--ldso=") => o.ldso = Some(s[7..].into()),
            s if s.starts_with("--") => return Err(format!("unrecognized option '{s}'")),
            s if s.starts_with('-') && s.len() > 1 => {
                for c in s[1..].chars() {
                    match c {
                        'a' => o.set_all(),
                        'h' => o.header = true,
                        'l' => o.segments = true,
                        'S' => o.sections = true,
                        'e' => (o.header, o.segments, o.sections) = (true, true, true),
                        's' => o.syms = true,
                        'n' => o.notes = true,
                        'r' => o.relocs = true,
                        'd' => o.dynamic = true,
                        'V' => o.versions = true,
                        'W' => o.wide = true,
                        'H' => o.help = true,
                        'v' => o.version = true,
                        _ => return Err(format!("invalid option -- '{c}'")),
                    }
                }
            }
            _ => o.files.push(a.clone()),
        }
    }
    Ok(o)
}

impl Opts {
    fn set_all(&mut self) {
        self.all = true;
        self.header = true;
        self.segments = true;
        self.sections = true;
        self.syms = true;
        self.relocs = true;
        self.dynamic = true;
        self.versions = true;
        self.notes = true;
    }
    pub fn any_view(&self) -> bool {
        self.any_readelf_view() || self.bindings || self.audit
    }
    pub fn any_readelf_view(&self) -> bool {
        self.header
            || self.segments
            || self.sections
            || self.syms
            || self.dyn_syms
            || self.relocs
            || self.dynamic
            || self.versions
            || self.notes
    }
}
