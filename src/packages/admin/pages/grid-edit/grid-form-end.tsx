import { Button } from '@nutui/nutui-react-taro'
import { ErrorText } from '../../../../components/error-text'
import { TextField } from '../../../../components/text-field'
import { PolygonField } from './polygon-field'
import type { Around } from './polygon-editor'
import type { GridForm } from './use-grid-form'

interface GridFormEndProps {
  form: GridForm
  around: Around
  gridId: string | null
  pending: boolean
  saveText: string
  onSave: () => void
}

/** What both grid forms end with: the boundary, the notes, the form's message and the save button. */
export function GridFormEnd({ form, around, gridId, pending, saveText, onSave }: GridFormEndProps) {
  return (
    <>
      <PolygonField {...form.field('polygon')} error={form.polygonError} around={around} gridId={gridId} />
      <TextField
        id="grid-notes"
        label="备注（选填）"
        maxLength={200}
        placeholder="如 含南张小区1–6号楼"
        {...form.field('notes')}
      />
      <ErrorText of="form" id="grid-error" message={form.errors.message} />
      <Button id="grid-save" type="primary" block loading={pending} disabled={pending} onClick={onSave}>
        {saveText}
      </Button>
    </>
  )
}
