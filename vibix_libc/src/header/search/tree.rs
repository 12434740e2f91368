//! tsearch/tfind/tdelete/twalk/tdestroy: an AVL tree. A node starts with the
//! key pointer, so the `void *` the functions return points at the key, as
//! POSIX requires. Recursion depth is the tree height (~1.44 log2 n).
use alloc::boxed::Box;
use core::ffi::{c_int, c_void};

use super::Cmp;

#[repr(C)]
struct Node {
    key: *const c_void,
    left: *mut Node,
    right: *mut Node,
    height: c_int,
}

fn h(n: *mut Node) -> c_int {
    // SAFETY: n is NULL or a live node of this tree.
    if n.is_null() { 0 } else { unsafe { (*n).height } }
}

/// Recomputes `n`'s height and rebalances it; returns the subtree's new root.
unsafe fn balance(n: *mut Node) -> *mut Node {
    // SAFETY: n and its children are live nodes.
    unsafe {
        let fix = |n: *mut Node| (*n).height = 1 + h((*n).left).max(h((*n).right));
        let rot_right = |n: *mut Node| {
            let l = (*n).left;
            (*n).left = (*l).right;
            (*l).right = n;
            fix(n);
            fix(l);
            l
        };
        let rot_left = |n: *mut Node| {
            let r = (*n).right;
            (*n).right = (*r).left;
            (*r).left = n;
            fix(n);
            fix(r);
            r
        };
        fix(n);
        let bf = h((*n).left) - h((*n).right);
        if bf > 1 {
            if h((*(*n).left).left) < h((*(*n).left).right) {
                (*n).left = rot_left((*n).left);
            }
            return rot_right(n);
        }
        if bf < -1 {
            if h((*(*n).right).right) < h((*(*n).right).left) {
                (*n).right = rot_right((*n).right);
            }
            return rot_left(n);
        }
        n
    }
}

/// Inserts (or finds) `key` below `*link`; `found` gets the key's node.
unsafe fn insert(link: &mut *mut Node, key: *const c_void, cmp: Cmp, found: &mut *mut Node) {
    let n = *link;
    if n.is_null() {
        let new = Box::into_raw(Box::new(Node { key, left: core::ptr::null_mut(), right: core::ptr::null_mut(), height: 1 }));
        *found = new;
        *link = new;
        return;
    }
    // SAFETY: n is a live node; cmp is the caller's comparison.
    unsafe {
        let c = cmp(key, (*n).key);
        if c == 0 {
            *found = n;
            return;
        }
        if c < 0 {
            insert(&mut (*n).left, key, cmp, found);
        } else {
            insert(&mut (*n).right, key, cmp, found);
        }
        *link = balance(n);
    }
}

/// POSIX `tsearch`: the node of `key`, inserted if absent (NULL if out of memory).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tsearch(key: *const c_void, root: *mut *mut c_void, cmp: Cmp) -> *mut c_void {
    if root.is_null() {
        return core::ptr::null_mut();
    }
    let mut found = core::ptr::null_mut();
    // SAFETY: *root is NULL or a tree built by these functions.
    unsafe { insert(&mut *root.cast::<*mut Node>(), key, cmp, &mut found) };
    found.cast()
}

/// POSIX `tfind`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tfind(key: *const c_void, root: *const *mut c_void, cmp: Cmp) -> *mut c_void {
    if root.is_null() {
        return core::ptr::null_mut();
    }
    // SAFETY: as tsearch.
    unsafe {
        let mut n = *root.cast::<*mut Node>();
        while !n.is_null() {
            let c = cmp(key, (*n).key);
            if c == 0 {
                return n.cast();
            }
            n = if c < 0 { (*n).left } else { (*n).right };
        }
    }
    core::ptr::null_mut()
}

/// Removes the smallest node below `*link`, returning it.
unsafe fn take_min(link: &mut *mut Node) -> *mut Node {
    // SAFETY: *link is a live, non-NULL node.
    unsafe {
        let n = *link;
        if (*n).left.is_null() {
            *link = (*n).right;
            return n;
        }
        let m = take_min(&mut (*n).left);
        *link = balance(n);
        m
    }
}

/// Deletes `key` below `*link`. `parent` is the node above `*link` (or a
/// dangling marker for the root); returns the deleted node's parent, or None.
unsafe fn delete(link: &mut *mut Node, key: *const c_void, cmp: Cmp, parent: *mut Node) -> Option<*mut Node> {
    let n = *link;
    if n.is_null() {
        return None;
    }
    // SAFETY: n is a live node.
    unsafe {
        let c = cmp(key, (*n).key);
        let r = if c < 0 {
            delete(&mut (*n).left, key, cmp, n)
        } else if c > 0 {
            delete(&mut (*n).right, key, cmp, n)
        } else {
            let (l, rt) = ((*n).left, (*n).right);
            *link = if rt.is_null() {
                l
            } else {
                let mut rt = rt;
                let m = take_min(&mut rt);
                (*m).left = l;
                (*m).right = rt;
                balance(m)
            };
            drop(Box::from_raw(n));
            return Some(parent);
        };
        if r.is_some() {
            *link = balance(n);
        }
        r
    }
}

/// POSIX `tdelete`: the parent of the deleted node (for the root: an
/// unspecified non-NULL pointer, here the root slot), or NULL if absent.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tdelete(key: *const c_void, root: *mut *mut c_void, cmp: Cmp) -> *mut c_void {
    if root.is_null() {
        return core::ptr::null_mut();
    }
    // SAFETY: as tsearch.
    match unsafe { delete(&mut *root.cast::<*mut Node>(), key, cmp, root.cast()) } {
        Some(p) => p.cast(),
        None => core::ptr::null_mut(),
    }
}

type Action = unsafe extern "C" fn(*const c_void, c_int, c_int);
const PREORDER: c_int = 0;
const POSTORDER: c_int = 1;
const ENDORDER: c_int = 2;
const LEAF: c_int = 3;

unsafe fn walk(n: *mut Node, action: Action, depth: c_int) {
    // SAFETY: n is a live node; action is the caller's callback.
    unsafe {
        if (*n).left.is_null() && (*n).right.is_null() {
            action(n.cast(), LEAF, depth);
            return;
        }
        action(n.cast(), PREORDER, depth);
        if !(*n).left.is_null() {
            walk((*n).left, action, depth + 1);
        }
        action(n.cast(), POSTORDER, depth);
        if !(*n).right.is_null() {
            walk((*n).right, action, depth + 1);
        }
        action(n.cast(), ENDORDER, depth);
    }
}

/// POSIX `twalk`: depth-first, each inner node visited three times.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn twalk(root: *const c_void, action: Option<Action>) {
    if let (false, Some(a)) = (root.is_null(), action) {
        // SAFETY: root is a tree built by these functions.
        unsafe { walk(root.cast_mut().cast(), a, 0) }
    }
}

unsafe fn destroy(n: *mut Node, free_key: unsafe extern "C" fn(*mut c_void)) {
    if n.is_null() {
        return;
    }
    // SAFETY: n is a live node; after this nothing refers to it.
    unsafe {
        destroy((*n).left, free_key);
        destroy((*n).right, free_key);
        free_key((*n).key.cast_mut());
        drop(Box::from_raw(n));
    }
}

/// GNU `tdestroy`: frees every node, calling `free_key` on each key.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn tdestroy(root: *mut c_void, free_key: unsafe extern "C" fn(*mut c_void)) {
    // SAFETY: root is NULL or a tree built by these functions.
    unsafe { destroy(root.cast(), free_key) }
}
