import { useSearchStore } from '../../stores/search-store'

export function ContentFilters() {
  const draft = useSearchStore((s) => s.draft)
  const update = useSearchStore((s) => s.updateDraft)
  return (
    <fieldset className="filter-group">
      <legend>Content</legend>
      <label>
        Bio words
        <input
          value={draft.bio}
          onChange={(e) => update({ bio: e.target.value })}
          title="Exact words: “vegan” does not match “veganfood”"
        />
      </label>
      <label>
        Caption keywords
        <input
          value={draft.keywords}
          onChange={(e) => update({ keywords: e.target.value })}
          title="One phrase searched in captions (spoken content on YouTube)"
        />
      </label>
      <label>
        Hashtags
        <input
          value={draft.hashtags}
          placeholder="#skincare, #vegan"
          onChange={(e) => update({ hashtags: e.target.value })}
        />
      </label>
      <label>
        Mentions
        <input
          value={draft.mentions}
          placeholder="@brand"
          onChange={(e) => update({ mentions: e.target.value })}
        />
      </label>
      <label>
        Lookalikes of @handles
        <input
          value={draft.lookalikes}
          placeholder="@creator1 @creator2"
          onChange={(e) => update({ lookalikes: e.target.value })}
          title="Creators similar to these accounts (semantic match; costs like any search)"
        />
      </label>
    </fieldset>
  )
}
