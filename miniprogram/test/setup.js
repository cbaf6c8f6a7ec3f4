// TDesign's components call getApp() when they are created; the app object itself is empty.
global.getApp = () => ({ globalData: {} });
global.getCurrentPages = () => [];
