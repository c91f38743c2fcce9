import type { MessageKey } from '@dalbit/core/i18n/catalog';
import { type ReactNode, useState } from 'react';
import { useT } from '../../use-t.ts';
import { EventsEditor, SequenceEditor } from './activity-editors.tsx';
import { Pick } from './fields.tsx';
import { OrdersEditor } from './orders-editor.tsx';
import {
  AnniversaryEditor,
  ChannelEditor,
  ProfileEditor,
  ReachableEditor,
  RelatedEditor,
  SegmentRefEditor,
  WarrantyEditor,
} from './profile-editors.tsx';
import { ScoreEditor } from './score-editors.tsx';
import {
  ADD_KINDS,
  type AddKind,
  addKindOf,
  type GroupNode,
  group,
  type Leaf,
  type LeafNode,
  leaf,
  newLeaf,
  type Problem,
  type TreeNode,
} from './tree-model.ts';

const kindKey = (k: AddKind | 'all'): MessageKey => `builder.kind.${k}` as MessageKey;

function LeafBody({ c, onChange, testId }: { c: Leaf; onChange: (c: Leaf) => void; testId: string }): ReactNode {
  switch (c.kind) {
    case 'orders':
      return <OrdersEditor c={c} onChange={onChange} testId={testId} />;
    case 'events':
      return <EventsEditor c={c} onChange={onChange} testId={testId} />;
    case 'sequence':
      return <SequenceEditor c={c} onChange={onChange} testId={testId} />;
    case 'profile':
      return <ProfileEditor c={c} onChange={onChange} testId={testId} />;
    case 'channel':
      return <ChannelEditor c={c} onChange={onChange} testId={testId} />;
    case 'reachable':
      return <ReachableEditor c={c} onChange={onChange} testId={testId} />;
    case 'anniversary':
      return <AnniversaryEditor c={c} onChange={onChange} testId={testId} />;
    case 'segment':
      return <SegmentRefEditor c={c} onChange={onChange} testId={testId} />;
    case 'related_product':
      return <RelatedEditor c={c} onChange={onChange} testId={testId} />;
    case 'warranty':
      return <WarrantyEditor c={c} onChange={onChange} testId={testId} />;
    case 'analytics': {
      const source = c.field.startsWith('rfm.') ? 'rfm.' : c.field.startsWith('clv.') ? 'clv.' : 'traits.';
      return <ScoreEditor c={c} onChange={onChange} source={source} testId={testId} />;
    }
    case 'all':
      return null;
  }
}

interface NodeProps<N extends TreeNode> {
  readonly node: N;
  readonly path: string;
  readonly problems: readonly Problem[];
  readonly onChange: (n: TreeNode) => void;
  readonly onRemove: () => void;
}

/** The "제외" switch: the node's condition must NOT hold (wrapped in `not`). */
function NegateToggle({ node, onChange, testId }: { node: TreeNode; onChange: (n: TreeNode) => void; testId: string }) {
  const t = useT();
  return (
    <label className="check negate" title={t('builder.negateHint')}>
      <input
        type="checkbox"
        checked={node.negate}
        data-testid={`${testId}-negate`}
        onChange={(e) => onChange({ ...node, negate: e.target.checked })}
      />
      {t('builder.negate')}
    </label>
  );
}

function LeafRow({ node, path, problems, onChange, onRemove }: NodeProps<LeafNode>) {
  const t = useT();
  const testId = `cond-${path}`;
  const problem = problems.find((p) => p.nodeId === node.id);
  return (
    <div className={`condition${node.negate ? ' negated' : ''}${problem ? ' invalid' : ''}`} data-testid={testId}>
      <span className="chip">{t(kindKey(addKindOf(node.cond)))}</span>
      <LeafBody c={node.cond} testId={testId} onChange={(cond) => onChange({ ...node, cond })} />
      <NegateToggle node={node} onChange={onChange} testId={testId} />
      <button type="button" className="link" data-testid={`${testId}-remove`} onClick={onRemove}>
        {t('builder.remove')}
      </button>
      {problem ? (
        <div className="field-error" role="alert" data-testid={`${testId}-problem`}>
          {t(problem.key, problem.params)}
        </div>
      ) : null}
    </div>
  );
}

/** An AND/OR group: its items (conditions or nested groups), and buttons to add either. */
export function GroupEditor({
  node,
  path,
  problems,
  onChange,
  onRemove,
  depth = 0,
}: NodeProps<GroupNode> & { depth?: number }) {
  const t = useT();
  const [addKind, setAddKind] = useState<AddKind>('events');
  const testId = `group-${path}`;
  const setItem = (i: number, n: TreeNode | null) =>
    onChange({
      ...node,
      items: n === null ? node.items.filter((_, j) => j !== i) : node.items.map((x, j) => (j === i ? n : x)),
    });
  return (
    <div className={`cond-group depth-${depth % 3}${node.negate ? ' negated' : ''}`} data-testid={testId}>
      <div className="group-head">
        <Pick
          label={t('builder.match')}
          value={node.op}
          testId={`${testId}-op`}
          options={[
            ['and', t('builder.matchAll')],
            ['or', t('builder.matchAny')],
          ]}
          onChange={(op) => onChange({ ...node, op })}
        />
        {depth > 0 ? (
          <>
            <NegateToggle node={node} onChange={onChange} testId={testId} />
            <button type="button" className="link" onClick={onRemove}>
              {t('builder.removeGroup')}
            </button>
          </>
        ) : null}
      </div>
      {node.items.length === 0 ? <p className="muted small">{t('builder.emptyGroup')}</p> : null}
      {node.items.map((item, i) => {
        const p = `${path}-${i}`;
        const common = {
          path: p,
          problems,
          onChange: (n: TreeNode) => setItem(i, n),
          onRemove: () => setItem(i, null),
        };
        return item.type === 'group' ? (
          <GroupEditor key={item.id} node={item} depth={depth + 1} {...common} />
        ) : (
          <LeafRow key={item.id} node={item} {...common} />
        );
      })}
      <div className="add-row">
        <Pick
          label={t('builder.kindPick')}
          value={addKind}
          testId={`${testId}-add-kind`}
          options={ADD_KINDS.map((k) => [k, t(kindKey(k))] as const)}
          onChange={setAddKind}
        />
        <button
          type="button"
          data-testid={`${testId}-add`}
          onClick={() => onChange({ ...node, items: [...node.items, leaf(newLeaf(addKind))] })}
        >
          {t('builder.addCondition')}
        </button>
        <button
          type="button"
          className="link"
          data-testid={`${testId}-add-group`}
          onClick={() => onChange({ ...node, items: [...node.items, group(node.op === 'and' ? 'or' : 'and')] })}
        >
          {t('builder.addGroup')}
        </button>
      </div>
    </div>
  );
}
