//! The loader's state as one object, [`Namespace`]: every loaded object in
//! load order, settings, and what start-up recorded for later dlopen calls.
//!
//! Start-up builds it on its own stack and hands `&mut Namespace` to each
//! stage (load, versions, TLS, relocation, debugger list, RELRO); only then is
//! it installed for the dl* entry points, which reach it through one audited
//! point: [`lock`] takes the (recursive) loader lock and [`Locked::ns`] lends
//! `&mut Namespace` at most once at a time. Code that calls into the program
//! (constructors, finalizers, dl_iterate_phdr callbacks) gives the loan back
//! first, so a constructor's own dlopen gets it; a call back in while it is
//! lent (an IFUNC resolver running during relocation) is refused.
//!
//! Objects are [`Obj`] handles: the address of a `Box<Dso>` the namespace owns
//! (also the dlopen handle and the `link_map` node). A `Dso` is reached only
//! through the namespace (`ns.obj(o)`, `ns.obj_mut(o)`), so borrowing rules
//! for the namespace are borrowing rules for every object.

use crate::diag::{msg, Msg};
use crate::env::Settings;
use crate::loader::{Dso, F_GLOBAL};
use crate::sync::{RecGuard, RecLock};
use alloc::boxed::Box;
use alloc::vec::Vec;
use core::cell::{RefCell, UnsafeCell};
use core::ptr::NonNull;
use core::sync::atomic::{AtomicBool, Ordering};

/// A loaded object of the namespace. Made only by [`Namespace`] from a
/// `Box<Dso>` it then owns; valid until [`Namespace::unload`] frees it.
#[derive(Clone, Copy, PartialEq, Eq)]
#[repr(transparent)]
pub struct Obj(NonNull<Dso>);

impl Obj {
    /// The address handed to C (dlopen handle, `struct link_map *`).
    pub fn as_ptr(self) -> *mut Dso {
        self.0.as_ptr()
    }
}

pub struct Namespace {
    /// All loaded objects, load order (the program first, ld-vibix where it was first needed).
    objs: Vec<Obj>,
    pub main: Obj,
    pub ldso: Obj,
    pub settings: Settings,
    /// Directory ld-vibix was loaded from (no trailing slash).
    pub ldso_dir: Vec<u8>,
    /// Objects whose initialisers ran, in that order (fini runs it backwards).
    pub init_order: Vec<Obj>,
    pub argc: usize,
    pub argv: usize,
    pub envp: usize,
    /// The program's canonical PLT addresses (symbol.rs), none for a PIE.
    pub canon: Option<crate::symbol::Canon>,
    /// Dependencies made by binding (dl/bindings.rs); written while relocating,
    /// when the namespace is only shared.
    pub edges: RefCell<Vec<(Obj, Obj)>>,
    /// Objects ever loaded and unloaded (dl_iterate_phdr's dlpi_adds/subs).
    pub adds: u64,
    pub subs: u64,
}

// SAFETY: the namespace and the objects it owns move between threads only
// under the loader lock (see `Shared`); nothing in it is thread-affine.
unsafe impl Send for Namespace {}

impl Namespace {
    /// Start-up: the namespace of `main` (first object) and ld-vibix.
    pub fn new(main: Box<Dso>, ldso: Box<Dso>, settings: Settings, ldso_dir: &[u8], args: (usize, usize, usize)) -> Self {
        let main = Obj(NonNull::from(Box::leak(main)));
        let ldso = Obj(NonNull::from(Box::leak(ldso)));
        Namespace {
            objs: alloc::vec![main],
            main,
            ldso,
            settings,
            ldso_dir: Vec::from(ldso_dir),
            init_order: Vec::new(),
            argc: args.0,
            argv: args.1,
            envp: args.2,
            canon: None,
            edges: RefCell::new(Vec::new()),
            adds: 0,
            subs: 0,
        }
    }

    /// The object behind `o`.
    #[inline(always)]
    pub fn obj(&self, o: Obj) -> &Dso {
        // SAFETY: `o` was made from a Box this namespace owns and has not freed
        // (unload's contract); `&self` excludes any `&mut` to it.
        unsafe { o.0.as_ref() }
    }

    /// The object behind `o`, to change it.
    #[inline(always)]
    pub fn obj_mut(&mut self, o: Obj) -> &mut Dso {
        // SAFETY: as in obj(); `&mut self` excludes every other reference into
        // the namespace, hence to the object.
        unsafe { &mut *o.0.as_ptr() }
    }

    /// Every loaded object, load order.
    pub fn objs(&self) -> &[Obj] {
        &self.objs
    }

    /// Objects in the global scope, in load order.
    pub fn global_scope(&self) -> impl Iterator<Item = Obj> + '_ {
        self.objs.iter().copied().filter(|&o| self.obj(o).flags & F_GLOBAL != 0)
    }

    /// Is `o` still loaded?
    pub fn contains(&self, o: Obj) -> bool {
        self.objs.contains(&o)
    }

    /// The object whose handle (or `link_map` address) `h` is, if still loaded.
    pub fn from_handle(&self, h: *mut core::ffi::c_void) -> Option<Obj> {
        self.objs.iter().copied().find(|o| o.as_ptr() as *mut core::ffi::c_void == h)
    }

    /// The object whose PT_LOAD segments contain `addr`.
    pub fn containing(&self, addr: usize) -> Option<Obj> {
        self.objs.iter().copied().find(|&o| {
            let d = self.obj(o);
            d.phdrs().iter().any(|ph| {
                ph.p_type == vibix_elf::PT_LOAD && {
                    let s = d.base.wrapping_add(ph.p_vaddr as usize);
                    addr >= s && addr < s + ph.p_memsz as usize
                }
            })
        })
    }

    /// Takes ownership of a newly mapped object and lists it last.
    pub fn adopt(&mut self, d: Box<Dso>) -> Obj {
        let o = Obj(NonNull::from(Box::leak(d)));
        self.objs.push(o);
        o
    }

    /// Lists an already owned object (ld-vibix itself, when nobody needed it).
    pub fn list(&mut self, o: Obj) {
        if !self.objs.contains(&o) {
            self.objs.push(o);
        }
    }

    /// Unlists `gone` from every list of the namespace (the program and
    /// ld-vibix stay), calls `unlisted` (e.g. to tell the debugger), then
    /// frees each after `before_free` saw it (e.g. to unmap it).
    ///
    /// # Safety
    /// No `Obj` of a freed object is used afterwards: every copy of one lives
    /// in the namespace's own lists, which this clears, or in the caller's locals.
    pub unsafe fn unload(&mut self, gone: &[Obj], unlisted: impl FnOnce(&mut Namespace), mut before_free: impl FnMut(&Dso)) {
        let (main, ldso) = (self.main, self.ldso);
        let gone: Vec<Obj> = gone.iter().copied().filter(|&o| o != main && o != ldso).collect();
        let keep = |o: &Obj| !gone.contains(o);
        self.objs.retain(keep);
        self.init_order.retain(keep);
        self.edges.get_mut().retain(|e| keep(&e.0) && keep(&e.1));
        for k in 0..self.objs.len() {
            let p = self.objs[k];
            let d = self.obj_mut(p);
            d.needed.retain(keep);
            d.group.retain(keep);
        }
        unlisted(self);
        for &o in &gone {
            before_free(self.obj(o));
            // SAFETY: made by Box::leak in new()/adopt(), unlisted above; the
            // caller promises no further use of `o`.
            drop(unsafe { Box::from_raw(o.0.as_ptr()) });
        }
    }
}

/// The installed namespace behind the loader lock.
struct Shared {
    lock: RecLock,
    /// Lent out (a live `NsMut`): touched only by the lock's owner.
    lent: AtomicBool,
    ns: UnsafeCell<Option<Namespace>>,
}

// SAFETY: `ns` is only reached through `Locked::ns`, which needs the lock and
// the `lent` flag, so one `&mut` exists at a time, on the lock owner's thread.
unsafe impl Sync for Shared {}

static SHARED: Shared = Shared { lock: RecLock::new(), lent: AtomicBool::new(false), ns: UnsafeCell::new(None) };

/// The loader lock, held (recursive: constructors run by dlopen call back in).
pub struct Locked {
    _g: RecGuard<'static>,
}

/// Takes the loader lock.
pub fn lock() -> Locked {
    Locked { _g: SHARED.lock.lock() }
}

/// fork: takes one level of the loader lock with no guard.
pub fn lock_held() {
    SHARED.lock.lock_held();
}

/// Releases a level taken with [`lock_held`].
///
/// # Safety
/// As [`RecLock::unlock_held`].
pub unsafe fn unlock_held() {
    // SAFETY: forwarded contract.
    unsafe { SHARED.lock.unlock_held() };
}

/// Start-up, before the first initialiser: the namespace the stages built
/// becomes the one the dl* functions see.
pub fn install(ns: Namespace) {
    let _l = lock();
    if SHARED.lent.swap(true, Ordering::Relaxed) {
        crate::diag::die(&msg(&[b"internal error: namespace lent at install"]));
    }
    // SAFETY: lock held and nothing lent (checked above): no reference to the slot exists.
    unsafe { *SHARED.ns.get() = Some(ns) };
    SHARED.lent.store(false, Ordering::Relaxed);
}

/// `&mut Namespace`, lent by [`Locked::ns`]; given back when dropped.
pub struct NsMut<'a>(&'a mut Namespace);

impl core::ops::Deref for NsMut<'_> {
    type Target = Namespace;
    fn deref(&self) -> &Namespace {
        self.0
    }
}
impl core::ops::DerefMut for NsMut<'_> {
    fn deref_mut(&mut self) -> &mut Namespace {
        self.0
    }
}
impl Drop for NsMut<'_> {
    fn drop(&mut self) {
        SHARED.lent.store(false, Ordering::Relaxed);
    }
}

impl Locked {
    /// The namespace, unless it is already lent (a call back into the loader
    /// while it works: an IFUNC resolver during a dlopen's relocation) or not
    /// installed yet (an IFUNC resolver during start-up relocation).
    pub fn ns(&self) -> Option<NsMut<'_>> {
        if SHARED.lent.swap(true, Ordering::Relaxed) {
            return None;
        }
        // The one audited access. SAFETY: this thread holds the lock (others
        // wait in lock()) and `lent` was clear, so no other reference to the
        // slot is live; the loan ends when the NsMut drops (clearing `lent`),
        // before this guard releases the lock.
        match unsafe { (*SHARED.ns.get()).as_mut() } {
            Some(ns) => Some(NsMut(ns)),
            None => {
                SHARED.lent.store(false, Ordering::Relaxed);
                None
            }
        }
    }

    /// [`Locked::ns`], or the error a dl* function reports when it cannot have it.
    pub fn ns_or_err(&self, what: &str) -> Result<NsMut<'_>, Msg> {
        self.ns().ok_or_else(|| {
            let mut m = Msg::new();
            m.s(what).s(": the loader is busy relocating (called from an IFUNC resolver?)");
            m
        })
    }
}
