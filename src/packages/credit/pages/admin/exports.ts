import Taro from '@tarojs/taro'

/**
 * Opens an exported workbook (a data URL from credit.export): the browser downloads it; WeChat writes it
 * to the user's folder and opens it with openDocument.
 */
export async function openWorkbook(url: string, fileName: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const a = document.createElement('a')
    a.href = url
    a.download = fileName
    document.body.appendChild(a)
    a.click()
    a.remove()
    return
  }
  const filePath = `${Taro.env.USER_DATA_PATH}/${fileName}`
  Taro.getFileSystemManager().writeFileSync(filePath, url.split(',')[1] ?? '', 'base64')
  await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true })
}
