import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ErrorText } from '../../../../components/error-text'
import { TextField } from '../../../../components/text-field'
import { actions, type LostPostDetail } from '../../../../contract'
import { useAction } from '../../../../hooks/use-action'
import { useForm } from '../../../../hooks/use-form'

interface FormProps {
  p: LostPostDetail
  /** The action went through: `post` is the post as it is now, when the action answered with it. */
  onDone: (post?: LostPostDetail) => void
  onCancel: () => void
}

function Buttons({
  busy,
  onCancel,
  onSubmit,
  label = '确定',
}: {
  busy: boolean
  onCancel: () => void
  onSubmit: () => void
  label?: string
}) {
  return (
    <View className="lf-form__actions">
      <Button fill="outline" disabled={busy} onClick={onCancel}>
        取消
      </Button>
      <Button id="lf-form-submit" type="primary" loading={busy} disabled={busy} onClick={onSubmit}>
        {label}
      </Button>
    </View>
  )
}

/** 认领: answer the finder's private question; only the finder and grid staff read the answer. */
export function ClaimForm({ p, onDone, onCancel }: FormProps) {
  const form = useForm({ answer: '' }, ['answer'])
  const claim = useAction('lostfound.claim')
  const submit = async () => {
    const input = form.errors.parse(actions['lostfound.claim'].input, { postId: p.id, answer: form.values.answer })
    if (!input) return
    try {
      await claim.run(input)
      onDone()
    } catch (err) {
      form.errors.fromError(err)
    }
  }
  return (
    <View id="lf-form-claim" className="lf-form">
      <Text className="card__title">认领</Text>
      <Text className="lf-form__question">
        {p.question ? `拾到者的问题：${p.question}` : '请说明物品的特征，证明它是您的。'}
      </Text>
      <TextField
        id="lf-answer"
        multiline
        maxLength={200}
        placeholder="您的回答只有拾到者和网格员能看到"
        {...form.field('answer')}
      />
      <ErrorText of="form" message={form.errors.message} />
      <Buttons busy={claim.pending} onCancel={onCancel} onSubmit={() => void submit()} label="提交认领" />
    </View>
  )
}

/** 我有线索: a private message to the poster, never shown in public. */
export function ClueForm({ p, onDone, onCancel }: FormProps) {
  const form = useForm({ text: '' }, ['text'])
  const clue = useAction('lostfound.clue')
  const submit = async () => {
    const input = form.errors.parse(actions['lostfound.clue'].input, { postId: p.id, text: form.values.text })
    if (!input) return
    try {
      await clue.run(input)
      onDone()
    } catch (err) {
      form.errors.fromError(err)
    }
  }
  return (
    <View id="lf-form-clue" className="lf-form">
      <Text className="card__title">我有线索</Text>
      <TextField
        id="lf-clue"
        multiline
        maxLength={300}
        placeholder="在哪里、什么时候看到的；线索只发给发布人"
        {...form.field('text')}
      />
      <ErrorText of="form" message={form.errors.message} />
      <Buttons busy={clue.pending} onCancel={onCancel} onSubmit={() => void submit()} label="发送线索" />
    </View>
  )
}

/** 修改: title, description, place and (失物招领) the question; kind, photos and grid stay. */
export function EditForm({ p, onDone, onCancel }: FormProps) {
  const form = useForm({ title: p.title, text: p.text, place: p.place, question: p.question }, [
    'title',
    'text',
    'place',
    'question',
  ])
  const edit = useAction('lostfound.edit')
  const submit = async () => {
    const { title, text, place, question } = form.values
    const input = form.errors.parse(actions['lostfound.edit'].input, {
      postId: p.id,
      title,
      text,
      place,
      question: p.kind === 'found' ? question : undefined,
    })
    if (!input) return
    try {
      onDone(await edit.run(input))
    } catch (err) {
      form.errors.fromError(err)
    }
  }
  return (
    <View id="lf-form-edit" className="lf-form">
      <Text className="card__title">修改启事</Text>
      <TextField id="lf-edit-title" label="标题" maxLength={30} {...form.field('title')} />
      <TextField id="lf-edit-text" label="描述" multiline maxLength={500} {...form.field('text')} />
      <TextField id="lf-edit-place" label="地点" maxLength={50} {...form.field('place')} />
      {p.kind === 'found' ? (
        <TextField id="lf-edit-question" label="认领问题" maxLength={50} {...form.field('question')} />
      ) : null}
      <ErrorText of="form" message={form.errors.message} />
      <Buttons busy={edit.pending} onCancel={onCancel} onSubmit={() => void submit()} label="保存" />
    </View>
  )
}

/** 关闭, with a reason everyone who follows the post reads. */
export function CloseForm({ p, onDone, onCancel }: FormProps) {
  const form = useForm({ reason: '' }, ['reason'])
  const close = useAction('lostfound.close')
  const submit = async () => {
    const input = form.errors.parse(actions['lostfound.close'].input, { postId: p.id, reason: form.values.reason })
    if (!input) return
    try {
      onDone(await close.run(input))
    } catch (err) {
      form.errors.fromError(err)
    }
  }
  return (
    <View id="lf-form-close" className="lf-form">
      <Text className="card__title">关闭启事</Text>
      <TextField
        id="lf-close-reason"
        placeholder="关闭原因，如：已自行找到"
        maxLength={100}
        {...form.field('reason')}
      />
      <ErrorText of="form" message={form.errors.message} />
      <Buttons busy={close.pending} onCancel={onCancel} onSubmit={() => void submit()} label="关闭启事" />
    </View>
  )
}
