// Everything a page needs lives in services/; the app object only exists because WeChat requires one.
App({});
