//! The drafts schema on top of a [`KeyValue`] storage.
//!
//! Keys (all under the `fazhi-report/` prefix so other pages on the same
//! origin, e.g. other files opened from the same USB stick, are left alone):
//! - `fazhi-report/schema`: the schema version, e.g. `1`;
//! - `fazhi-report/draft/<id>`: one draft as JSON;
//! - `fazhi-report/index`: a JSON list of [`DraftSummary`] for the library;
//! - `fazhi-report/editor/<id>`: the tab that edits the draft (the others
//!   follow it read-only; see `session::tabs`), and
//!   `fazhi-report/handover/<id>`: the tab it last handed the draft to.
//!
//! A save writes the draft first and the index second, so an interruption in
//! between leaves a readable draft and an index that is at worst one edit old
//! (the index is only a cache: it can be rebuilt from the draft keys).

use serde::{Deserialize, Serialize};

use super::{KeyValue, StoreError};
use crate::report::draft::{Draft, DRAFT_SCHEMA};

pub const PREFIX: &str = "fazhi-report/";
pub const SCHEMA_KEY: &str = "fazhi-report/schema";
pub const INDEX_KEY: &str = "fazhi-report/index";
pub const DRAFT_PREFIX: &str = "fazhi-report/draft/";
pub const TRASH_PREFIX: &str = "fazhi-report/trash/";
pub const EDITOR_PREFIX: &str = "fazhi-report/editor/";
pub const HANDOVER_PREFIX: &str = "fazhi-report/handover/";
/// Stored data that could not be read, copied here (by what it was and its
/// content hash) before anything is written over it: a review record
/// (`session::review`) or a draft's history (`history.rs`). Offered for
/// download with the unreadable drafts; never removed by the app.
pub const SET_ASIDE_PREFIX: &str = "fazhi-report/set-aside/";

/// Keep `raw`, which could not be read, under [`SET_ASIDE_PREFIX`] as
/// `<what>-<hash>` (the same text twice is kept once).
pub fn set_aside<K: KeyValue + ?Sized>(kv: &K, what: &str, raw: &str) -> Result<(), StoreError> {
    kv.set(&format!("{SET_ASIDE_PREFIX}{what}-{}", crate::report::review::content_hash(raw.as_bytes())), raw)
}

/// What the drafts library lists for each draft without loading it whole.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftSummary {
    pub id: String,
    /// The draft's display name (its own name, else the report title).
    #[serde(default)]
    pub name: String,
    pub unit: String,
    pub year: i32,
    pub edited: i64,
    pub revision: u64,
    /// Characters in the rendered report.
    pub chars: usize,
    /// Required sections with any text (of five).
    #[serde(default)]
    pub filled: usize,
    /// When the draft's newest history snapshot was taken, so the first
    /// autosave of a session need not read the history (~1 MB) to learn it.
    /// A cache: absent in older indexes and in rebuilt entries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub snapshot_at: Option<i64>,
}

impl DraftSummary {
    pub fn of(draft: &Draft) -> Self {
        DraftSummary {
            id: draft.id.clone(),
            name: draft.display_name(),
            unit: draft.unit.clone(),
            year: draft.year,
            edited: draft.edited,
            revision: draft.revision,
            chars: crate::report::text::render::rendered_chars(&draft.report),
            filled: draft.sections_filled(),
            snapshot_at: None,
        }
    }
}

pub struct DraftStore<K: KeyValue> {
    kv: K,
    /// When each draft's newest snapshot was taken, as far as this store
    /// knows: saves consult it instead of parsing the whole history (about a
    /// megabyte for a long report) on every keystroke's save.
    pub(crate) last_snapshot: std::cell::RefCell<std::collections::HashMap<String, i64>>,
}

impl<K: KeyValue> DraftStore<K> {
    pub fn new(kv: K) -> Self {
        DraftStore { kv, last_snapshot: Default::default() }
    }

    pub fn kv(&self) -> &K {
        &self.kv
    }

    /// The schema version found in storage (`None` for a storage never used).
    /// Data from a newer app is reported as [`StoreError::NewerSchema`].
    pub fn schema(&self) -> Result<Option<u32>, StoreError> {
        match self.kv.get(SCHEMA_KEY)? {
            None => Ok(None),
            Some(v) => {
                let found: u32 = v.trim().parse().map_err(|_| StoreError::Corrupt {
                    key: SCHEMA_KEY.into(),
                    reason: format!("not a version number: {v:?}"),
                })?;
                if found > DRAFT_SCHEMA {
                    Err(StoreError::NewerSchema { found, supported: DRAFT_SCHEMA })
                } else {
                    Ok(Some(found))
                }
            }
        }
    }

    /// Save a draft: the draft first, then the index, then the schema
    /// marker. Returns the draft's library entry as written.
    pub fn save(&self, draft: &Draft) -> Result<DraftSummary, StoreError> {
        let schema = self.schema()?;
        let mut index = self.read_index()?;
        self.write_draft(draft, schema, &mut index, None)
    }

    /// The one pass behind every save, given the schema and the index the
    /// caller read (once): the draft is written, then `index` with the
    /// draft's entry replaced (keeping the entry's snapshot time unless
    /// `snapshot_at` gives a newer one), then the schema marker if storage
    /// had none. Returns the entry written.
    pub(crate) fn write_draft(
        &self,
        draft: &Draft,
        schema: Option<u32>,
        index: &mut Vec<DraftSummary>,
        snapshot_at: Option<i64>,
    ) -> Result<DraftSummary, StoreError> {
        if draft.schema_version > DRAFT_SCHEMA {
            // A newer version's draft, opened here read-only: never written
            // over, whatever path a save takes.
            return Err(StoreError::NewerSchema { found: draft.schema_version, supported: DRAFT_SCHEMA });
        }
        let json = serde_json::to_string(draft).map_err(|e| StoreError::Other(e.to_string()))?;
        self.kv.set(&draft_key(&draft.id), &json).map_err(|e| match e {
            StoreError::QuotaExceeded if json.len() > super::error::LARGEST_DRAFT_UNITS => {
                match json.encode_utf16().count() {
                    units if units > super::error::LARGEST_DRAFT_UNITS => StoreError::TooLarge { units },
                    _ => e,
                }
            }
            e => e,
        })?;
        // Only the index itself is updated here (no scan of every key, which
        // `list` does to repair it): this runs on every autosave.
        let mut summary = DraftSummary::of(draft);
        match index.iter_mut().find(|s| s.id == draft.id) {
            Some(s) => {
                summary.snapshot_at = snapshot_at.or(s.snapshot_at);
                *s = summary.clone();
            }
            None => {
                summary.snapshot_at = snapshot_at;
                index.push(summary.clone());
            }
        }
        self.write_index(index)?;
        if schema.is_none() {
            self.kv.set(SCHEMA_KEY, &DRAFT_SCHEMA.to_string())?;
        }
        Ok(summary)
    }

    /// The stored index as written (not repaired: see [`list`](Self::list));
    /// an unreadable one reads as empty and is rewritten by the next save.
    pub(crate) fn read_index(&self) -> Result<Vec<DraftSummary>, StoreError> {
        Ok(self.kv.get(INDEX_KEY)?.and_then(|json| serde_json::from_str(&json).ok()).unwrap_or_default())
    }

    /// Save an edit made on top of `base_revision`, unless another tab has
    /// saved this draft since: then nothing is written and the caller gets
    /// [`StoreError::Conflict`] to let the user choose.
    pub fn save_if_current(&self, draft: &Draft, base_revision: u64) -> Result<DraftSummary, StoreError> {
        if let Some(stored) = self.stored_revision(&draft.id)? {
            if stored != base_revision {
                return Err(StoreError::Conflict { stored_revision: stored });
            }
        }
        self.save(draft)
    }

    /// The revision stored for a draft, if it is stored and readable. Runs on
    /// every autosave: drafts are written with `revision` near the start, so
    /// it is read from there; anything else gets a full parse.
    pub fn stored_revision(&self, id: &str) -> Result<Option<u64>, StoreError> {
        Ok(self.stored_head(id)?.map(|(revision, _)| revision))
    }

    /// The stored revision and the draft's own schema version (0 when it
    /// cannot be read), from the first bytes where we write them.
    pub(crate) fn stored_head(&self, id: &str) -> Result<Option<(u64, u32)>, StoreError> {
        #[derive(Deserialize)]
        struct Head {
            revision: u64,
            #[serde(default)]
            schema_version: u32,
        }
        let Some(json) = self.kv.get_head(&draft_key(id), HEAD_BYTES as u32)? else { return Ok(None) };
        if let (Some(r), Some(v)) = (number_prefix(&json, "revision"), number_prefix(&json, "schema_version")) {
            return Ok(Some((r, u32::try_from(v).unwrap_or(u32::MAX))));
        }
        // Not where we write them (an older or hand-made entry): parse it all.
        let Some(json) = self.kv.get(&draft_key(id))? else { return Ok(None) };
        Ok(serde_json::from_str::<Head>(&json).ok().map(|h| (h.revision, h.schema_version)))
    }

    /// Move a draft to the trash (kept until restored or purged); returns it.
    pub fn delete(&self, id: &str) -> Result<Option<Draft>, StoreError> {
        let Some(raw) = self.kv.get(&draft_key(id))? else { return Ok(None) };
        match self.kv.set(&trash_key(id), &raw) {
            Ok(()) => self.kv.remove(&draft_key(id))?,
            // Storage full to the last byte: the draft's own room makes the
            // trash entry fit. Both calls run in one task (no other write can
            // come between); if the trash still refuses, the draft is put
            // back where it was, into the room it just left.
            Err(StoreError::QuotaExceeded) => {
                self.kv.remove(&draft_key(id))?;
                if let Err(e) = self.kv.set(&trash_key(id), &raw) {
                    self.kv.set(&draft_key(id), &raw)?;
                    return Err(e);
                }
            }
            Err(e) => return Err(e),
        }
        let index: Vec<_> = self.list()?.into_iter().filter(|s| s.id != id).collect();
        self.write_index(&index)?;
        Ok(serde_json::from_str(&raw).ok())
    }

    /// Drafts in the trash, most recently edited first.
    pub fn trash(&self) -> Result<Vec<Draft>, StoreError> {
        let mut list = Vec::new();
        for key in self.kv.keys()? {
            if key.starts_with(TRASH_PREFIX) {
                if let Some(d) = self.kv.get(&key)?.and_then(|j| serde_json::from_str::<Draft>(&j).ok()) {
                    list.push(d);
                }
            }
        }
        crate::report::sort::by_key(&mut list, |d| std::cmp::Reverse(d.edited));
        Ok(list)
    }

    /// Bring a deleted draft back (the undo of [`delete`](Self::delete)).
    pub fn restore_deleted(&self, id: &str) -> Result<Option<Draft>, StoreError> {
        let Some(raw) = self.kv.get(&trash_key(id))? else { return Ok(None) };
        let draft: Draft = serde_json::from_str(&raw)
            .map_err(|e| StoreError::Corrupt { key: trash_key(id), reason: e.to_string() })?;
        match self.save(&draft) {
            Ok(_) => self.kv.remove(&trash_key(id))?,
            // Storage full: the trash entry's room takes the draft (one task,
            // as in `delete`); if even that fails, the entry goes back to
            // the trash. A refused index alone is repaired by `list`.
            Err(StoreError::QuotaExceeded) => {
                if self.kv.get(&draft_key(id))?.is_none() {
                    self.kv.remove(&trash_key(id))?;
                    if let Err(e) = self.kv.set(&draft_key(id), &raw) {
                        self.kv.set(&trash_key(id), &raw)?;
                        return Err(e);
                    }
                } else {
                    self.kv.remove(&trash_key(id))?;
                }
                let index: Vec<_> = self.list()?;
                let _ = self.write_index(&index);
            }
            Err(e) => return Err(e),
        }
        Ok(Some(draft))
    }

    /// Remove a draft from the trash for good.
    pub fn purge_deleted(&self, id: &str) -> Result<(), StoreError> {
        self.kv.remove(&trash_key(id))
    }

    /// Stored draft entries that cannot be read, and whatever was set aside
    /// as unreadable ([`SET_ASIDE_PREFIX`]), with their raw text, so the
    /// user can download them instead of losing them.
    pub fn unreadable(&self) -> Result<Vec<(String, String)>, StoreError> {
        let mut bad = Vec::new();
        for key in self.kv.keys()? {
            if self.is_unreadable(&key) {
                if let Some(raw) = self.kv.get(&key)? {
                    bad.push((key.clone(), raw));
                }
            }
        }
        Ok(bad)
    }

    /// Remove an entry [`unreadable`](Self::unreadable) offered, once the
    /// user has chosen to — only while it still is one (a draft that another
    /// tab has written again since is kept). Whether it was removed.
    pub fn remove_unreadable(&self, key: &str) -> Result<bool, StoreError> {
        if !self.is_unreadable(key) {
            return Ok(false);
        }
        self.kv.remove(key)?;
        Ok(true)
    }

    fn is_unreadable(&self, key: &str) -> bool {
        match key.strip_prefix(DRAFT_PREFIX) {
            Some(id) => matches!(self.load(id), Err(StoreError::Corrupt { .. })),
            None => key.starts_with(SET_ASIDE_PREFIX),
        }
    }

    /// Storage used by this app, in UTF-16 code units (how browsers count quota).
    pub fn used_units(&self) -> Result<usize, StoreError> {
        let mut total = 0;
        for key in self.kv.keys()? {
            if key.starts_with(PREFIX) {
                total += key.encode_utf16().count() + self.kv.get(&key)?.map(|v| v.encode_utf16().count()).unwrap_or(0);
            }
        }
        Ok(total)
    }

    /// What each draft takes in storage, in UTF-16 code units (how browsers
    /// count quota): `(id, the draft, its history)`, largest first.
    pub fn usage(&self) -> Result<Vec<(String, usize, usize)>, StoreError> {
        let units = |key: &str| -> Result<usize, StoreError> {
            Ok(self.kv.get(key)?.map(|v| key.encode_utf16().count() + v.encode_utf16().count()).unwrap_or(0))
        };
        let mut out = Vec::new();
        for key in self.kv.keys()? {
            if let Some(id) = key.strip_prefix(DRAFT_PREFIX) {
                out.push((id.to_string(), units(&key)?, units(&super::history::history_key(id))?));
            }
        }
        crate::report::sort::by_key(&mut out, |(_, d, h)| std::cmp::Reverse(d + h));
        Ok(out)
    }

    /// Load one draft.
    pub fn load(&self, id: &str) -> Result<Option<Draft>, StoreError> {
        let key = draft_key(id);
        match self.kv.get(&key)? {
            None => Ok(None),
            Some(json) => serde_json::from_str(&json)
                .map(Some)
                .map_err(|e| StoreError::Corrupt { key, reason: e.to_string() }),
        }
    }

    /// The drafts, most recently edited first. An unreadable index is rebuilt
    /// from the draft entries; entries that cannot be read are skipped.
    pub fn list(&self) -> Result<Vec<DraftSummary>, StoreError> {
        let indexed = self
            .kv
            .get(INDEX_KEY)?
            .and_then(|json| serde_json::from_str::<Vec<DraftSummary>>(&json).ok())
            .unwrap_or_default();
        // The index is a cache: trust the draft keys. A draft written just
        // before an interruption may be missing from it, and an entry may
        // outlive its draft; both are put right here.
        let ids: Vec<String> =
            self.kv.keys()?.into_iter().filter_map(|k| k.strip_prefix(DRAFT_PREFIX).map(str::to_string)).collect();
        let mut list: Vec<DraftSummary> = indexed.into_iter().filter(|s| ids.contains(&s.id)).collect();
        for id in &ids {
            if !list.iter().any(|s| &s.id == id) {
                if let Ok(Some(d)) = self.load(id) {
                    list.push(DraftSummary::of(&d));
                }
            }
        }
        crate::report::sort::by(&mut list, |a, b| b.edited.cmp(&a.edited).then_with(|| a.id.cmp(&b.id)));
        Ok(list)
    }

    /// The most recently edited draft that can be read.
    pub fn latest(&self) -> Result<Option<Draft>, StoreError> {
        for s in self.list()? {
            if let Ok(Some(d)) = self.load(&s.id) {
                return Ok(Some(d));
            }
        }
        Ok(None)
    }

    pub(crate) fn write_index(&self, index: &[DraftSummary]) -> Result<(), StoreError> {
        let json = serde_json::to_string(index).map_err(|e| StoreError::Other(e.to_string()))?;
        self.kv.set(INDEX_KEY, &json)
    }
}

/// How far into a draft's JSON its revision and schema version are looked for.
const HEAD_BYTES: usize = 300;

/// `"revision":N` (or another number field) among the first fields of a
/// draft's JSON, as we write it (`{"id":…,"schema_version":…,"revision":N,…`).
/// None when not found there.
fn number_prefix(json: &str, field: &str) -> Option<u64> {
    // Bytes, not str slices: position 300 may fall inside a Chinese character.
    let key = format!("\"{field}\":");
    let key = key.as_bytes();
    let head = &json.as_bytes()[..json.len().min(HEAD_BYTES)];
    let at = head.windows(key.len()).position(|w| w == key)? + key.len();
    let digits = head[at..].iter().take_while(|b| b.is_ascii_digit()).count();
    if digits == 0 || !matches!(head.get(at + digits), Some(b',' | b'}')) {
        return None;
    }
    std::str::from_utf8(&head[at..at + digits]).ok()?.parse().ok()
}

pub fn draft_key(id: &str) -> String {
    format!("{DRAFT_PREFIX}{id}")
}

pub fn trash_key(id: &str) -> String {
    format!("{TRASH_PREFIX}{id}")
}

/// A draft id from the current time and a random number: short, unique
/// enough for one browser profile, and sortable by creation.
pub fn new_draft_id(now_ms: i64, random: u32) -> String {
    format!("{:x}-{:08x}", now_ms.max(0), random)
}
