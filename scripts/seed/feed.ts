/**
 * The grid group's demo content (story 2): the 医保 明白纸 on moving a pension from another city, a street-wide
 * notice of 古槐, and a question 张桂英 asked about the leaking roof (story 6), still waiting for a reply.
 */
import type { FeedPostDoc, QuestionDoc } from '../../types'
import { textWords } from '../../cloudfunctions/api/modules/lostfound/words'
import { wordDocs } from '../../cloudfunctions/api/modules/feed/words'
import { userIdFor } from '../../cloudfunctions/api/users'
import { demoOpenId, STREET_2_ID, STREET_ID } from './people'

const HOUR = 3600_000

function post(
  fields: Omit<
    FeedPostDoc,
    | 'words'
    | 'version'
    | 'readCount'
    | 'groupReadCount'
    | 'editedAt'
    | 'state'
    | 'pinned'
    | 'updatedAt'
    | 'images'
    | 'pdfUrl'
  > &
    Partial<FeedPostDoc>,
): FeedPostDoc {
  return {
    images: [],
    pdfUrl: null,
    pinned: false,
    state: 'live',
    editedAt: null,
    readCount: 0,
    groupReadCount: 0,
    updatedAt: fields.createdAt,
    version: 0,
    ...fields,
    words:
      fields.kind === 'leaflet'
        ? [...new Set([...textWords(fields.title), ...textWords(fields.body)])].slice(0, 60)
        : [],
  }
}

export function demoFeedPosts(now: number): FeedPostDoc[] {
  return [
    post({
      _id: 'fp_demo_pension',
      kind: 'leaflet',
      title: '异地养老保险转移接续明白纸',
      body: '在外地参保后回济宁工作的，可以把养老保险关系转回本地。\n办理材料：身份证、社保卡、原参保地出具的参保缴费凭证。\n办理地点：南张街道便民服务中心社保窗口（工作日 9:00—17:00）。\n也可以在“国家社会保险公共服务平台”网上申请转移。',
      pdfUrl: 'https://si.12333.gov.cn/',
      departmentId: 'dp_yibao',
      streetId: STREET_ID,
      communityId: null,
      scope: 'grid',
      gridIds: ['gd_nz_01'],
      authorId: userIdFor(demoOpenId('yibao_officer')),
      authorLabel: '医保 马红霞',
      createdAt: now - 48 * HOUR,
    }),
    post({
      _id: 'fp_demo_water',
      kind: 'notice',
      title: '南张社区第一网格周六停水通知',
      body: '因管网维修，本周六 8:00—12:00 停水，请提前储水。',
      departmentId: null,
      streetId: STREET_ID,
      communityId: null,
      scope: 'grid',
      gridIds: ['gd_nz_01'],
      pinned: true,
      authorId: userIdFor(demoOpenId('grid_worker')),
      authorLabel: '网格员 刘晓燕',
      createdAt: now - 24 * HOUR,
    }),
    post({
      _id: 'fp_demo_gh_notice',
      kind: 'notice',
      title: '古槐社区第一网格消防演练',
      body: '周日上午九点在小区广场举行消防演练，欢迎居民参加。',
      departmentId: null,
      streetId: STREET_2_ID,
      communityId: null,
      scope: 'grid',
      gridIds: ['gd_gh_01'],
      authorId: userIdFor(demoOpenId('gh_grid_worker')),
      authorLabel: '网格员 韩丽',
      createdAt: now - 24 * HOUR,
    }),
  ]
}

/** Feed entries and search words of a seeded post, as modules/feed/posts.ts writes them. */
export function feedDocsOf(p: FeedPostDoc) {
  const key = `${p.pinned ? 1 : 0}_${String(p.createdAt).padStart(15, '0')}`
  return [
    ...p.gridIds.map((gridId) => ({
      collection: 'feeditems' as const,
      doc: { _id: `${p._id}_${gridId}`, postId: p._id, gridId, live: true, sortKey: key, version: 0 },
    })),
    ...p.gridIds.flatMap((gridId) =>
      wordDocs(p._id, gridId, 'leaflet', p.words, p.createdAt).map((doc) => ({
        collection: 'feedwords' as const,
        doc,
      })),
    ),
  ]
}

export function demoQuestions(now: number): QuestionDoc[] {
  const text = '3号楼顶层漏水，老旧小区改造遗留问题，下雨天屋里滴水，该找谁？'
  return [
    {
      _id: 'qs_demo_roof',
      gridId: 'gd_nz_01',
      communityId: 'cm_nanzhang',
      streetId: STREET_ID,
      askerId: userIdFor(demoOpenId('resident')),
      text,
      publicText: text,
      photos: [],
      state: 'open',
      staffReplied: false,
      replyCount: 0,
      flagged: 0,
      orderId: null,
      onBehalfName: null,
      words: [...new Set(textWords(text))].slice(0, 40),
      createdAt: now - 2 * HOUR,
      updatedAt: now - 2 * HOUR,
      version: 0,
    },
  ]
}

export function questionWordDocs(q: QuestionDoc) {
  return wordDocs(q._id, q.gridId, 'question', q.words, q.createdAt)
}
