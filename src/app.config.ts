const isH5 = process.env.TARO_ENV === 'h5'

export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/snap/index',
    'pages/lostfound/index',
    'pages/me/index',
    'pages/messages/index',
    // Where a scanned grid QR code lands (mini-program code scene or H5 join link): main package.
    'pages/join/index',
    // The demo login picker exists only in the browser build (and shows people only in local mode).
    ...(isH5 ? ['pages/login/index'] : []),
  ],
  subPackages: [
    {
      root: 'packages/worker',
      pages: ['pages/home/index', 'pages/poster/index', 'pages/members/index', 'pages/building/index'],
    },
    {
      root: 'packages/admin',
      pages: [
        'pages/home/index',
        'pages/grid-edit/index',
        'pages/invites/index',
        'pages/audit/index',
        'pages/departments/index',
      ],
    },
    { root: 'packages/account', pages: ['pages/invite/index'] },
    {
      root: 'packages/credit',
      pages: [
        'pages/home/index',
        'pages/market/index',
        'pages/vouchers/index',
        'pages/counter/index',
        'pages/activities/index',
        'pages/admin/index',
      ],
    },
    {
      root: 'packages/lostfound',
      pages: ['pages/detail/index', 'pages/create/index', 'pages/mine/index', 'pages/claims/index'],
    },
    {
      root: 'packages/feed',
      pages: ['pages/home/index', 'pages/post/index', 'pages/publish/index', 'pages/question/index', 'pages/ask/index'],
    },
    {
      root: 'packages/orders',
      pages: [
        'pages/detail/index',
        'pages/mine/index',
        'pages/inbox/index',
        'pages/overdue/index',
        'pages/create/index',
        'pages/categories/index',
      ],
    },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#e53029',
    navigationBarTitleText: '网格通',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f4f5f7',
    // Explicit so the H5 build draws the same title bar (with a back button on inner pages).
    navigationStyle: 'default',
  },
  tabBar: {
    color: '#646a73',
    selectedColor: '#e53029',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tab/home.png',
        selectedIconPath: 'assets/tab/home-on.png',
      },
      {
        pagePath: 'pages/snap/index',
        text: '随手拍',
        iconPath: 'assets/tab/snap.png',
        selectedIconPath: 'assets/tab/snap-on.png',
      },
      {
        pagePath: 'pages/lostfound/index',
        text: '失物招领',
        iconPath: 'assets/tab/lostfound.png',
        selectedIconPath: 'assets/tab/lostfound-on.png',
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tab/me.png',
        selectedIconPath: 'assets/tab/me-on.png',
      },
    ],
  },
  lazyCodeLoading: 'requiredComponents',
})
